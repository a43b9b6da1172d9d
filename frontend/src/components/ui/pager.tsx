import { useTranslation } from 'react-i18next';

type PagerProps = {
  /** Counts from 0. */
  page: number;
  pageSize: number;
  total: number;
  label: string;
  onPage: (page: number) => void;
};

/** Previous and next pages of a long list, with where one stands in it. */
export function Pager({ page, pageSize, total, label, onPage }: PagerProps) {
  const { t } = useTranslation('console');
  if (total <= pageSize) return null;
  const from = page * pageSize + 1;
  const to = Math.min(total, (page + 1) * pageSize);
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        ← {t('common.previous')}
      </button>
      <span className="pager__where">{t('common.pageOf', { from, to, total })}</span>
      <button type="button" className="button" disabled={to >= total} onClick={() => onPage(page + 1)}>
        {t('common.next')} →
      </button>
    </nav>
  );
}
