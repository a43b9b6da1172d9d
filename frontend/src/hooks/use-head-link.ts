import { useEffect } from 'react';

type HeadLink = { rel: string; type: string; href: string; title: string };

/** Adds a `<link>` to the document's head while the page is shown (e.g. its Atom feed). */
export function useHeadLink({ rel, type, href, title }: HeadLink): void {
  useEffect(() => {
    const link = document.createElement('link');
    link.rel = rel;
    link.type = type;
    link.href = href;
    link.title = title;
    document.head.appendChild(link);
    return () => link.remove();
  }, [rel, type, href, title]);
}
