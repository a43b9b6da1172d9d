import { useEffect } from 'react';

/** Sets the tab title, e.g. "Résidence Les Tilleuls · Copro". */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · Copro` : 'Copro';
  }, [title]);
}
