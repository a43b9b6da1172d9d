import { useTranslation } from 'react-i18next';

import type { ConsolePart } from '@/app/routes/console/navigation';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** A part of the console that is not built yet: its place in the navigation already holds. */
export function ConsolePlaceholder({ part }: { part: ConsolePart }) {
  const { t } = useTranslation('console');
  const title = t(`nav.${part}`);
  useDocumentTitle(title);
  return (
    <section className="console-page" aria-labelledby="console-page-title">
      <h1 id="console-page-title">{title}</h1>
      <p className="card console-placeholder">{t('placeholder.body')}</p>
    </section>
  );
}
