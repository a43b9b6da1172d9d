import { useTranslation } from 'react-i18next';

import { ActionError } from '@/components/ui/form/action-error';
import { Spinner } from '@/components/ui/spinner';
import { useExpenseHistory } from '@/features/finance/api/get-expense-history';
import { isExpenseCategory, type HistoryEvent } from '@/features/finance/types';
import { formatDateTime, formatDay } from '@/lib/format-date';
import { formatEuros } from '@/lib/money';

type ExpenseHistoryProps = {
  expenseId: string;
  personName: (accountId: string) => string;
  placeName: (id: string) => string;
};

const FIELD_KEYS = {
  date: 'fields.date',
  amount_cents: 'fields.amount',
  category: 'fields.category',
  supplier: 'fields.supplier',
  description: 'fields.description',
  building_id: 'fields.building',
  equipment_id: 'fields.equipment',
  invoice_ref: 'fields.invoiceRef',
} as const;

type ExpenseField = keyof typeof FIELD_KEYS;

function isField(name: string): name is ExpenseField {
  return name in FIELD_KEYS;
}

/** Every event of one expense as the audit log keeps it: who did what, when, and why. */
export function ExpenseHistory({ expenseId, personName, placeName }: ExpenseHistoryProps) {
  const { t, i18n } = useTranslation('finance');
  const history = useExpenseHistory(expenseId);
  if (history.isPending) return <Spinner label={t('history.loading')} />;
  if (history.isError) return <ActionError error={history.error} />;

  function value(field: ExpenseField, raw: unknown): string {
    if (raw === null || raw === undefined || raw === '') return t('history.cleared');
    if (field === 'amount_cents' && typeof raw === 'number') return formatEuros(raw, i18n.language);
    if (field === 'date' && typeof raw === 'string') return formatDay(raw, i18n.language, 'medium');
    if (field === 'category' && typeof raw === 'string') return isExpenseCategory(raw) ? t(`category.${raw}`) : raw;
    if ((field === 'building_id' || field === 'equipment_id') && typeof raw === 'string') return placeName(raw);
    return String(raw);
  }

  function changes(event: HistoryEvent): [ExpenseField, unknown][] {
    const source = event.event_type === 'Corrected' ? event.data.changes : event.data;
    if (typeof source !== 'object' || source === null) return [];
    return Object.entries(source).flatMap(([name, raw]) => (isField(name) ? [[name, raw] as [ExpenseField, unknown]] : []));
  }

  return (
    <ol className="expense-history" data-testid="expense-history">
      {history.data.items.map((event) => {
        const kind = event.event_type === 'Recorded' || event.event_type === 'Corrected' || event.event_type === 'Voided' ? event.event_type : null;
        const reason = typeof event.data.reason === 'string' ? event.data.reason : null;
        return (
          <li key={event.position} className="expense-history__event">
            <p>
              <strong>{kind ? t(`history.${kind}`) : t('history.other', { type: event.event_type })}</strong>{' '}
              <time dateTime={event.recorded_at}>{formatDateTime(event.recorded_at, i18n.language)}</time>
              {event.actor_id ? <span className="muted"> {t('history.by', { name: personName(event.actor_id) })}</span> : null}
            </p>
            {reason ? <p className="small">{t('history.reason', { reason })}</p> : null}
            <ul className="small muted expense-history__changes">
              {changes(event)
                .filter(([, raw]) => event.event_type === 'Corrected' || (raw !== null && raw !== ''))
                .map(([field, raw]) => (
                  <li key={field}>{t('history.change', { field: t(FIELD_KEYS[field]), value: value(field, raw) })}</li>
                ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
