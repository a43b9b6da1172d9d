import '@/components/ui/button-danger.css';
import './finance.css';

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { DoneNotice } from '@/components/ui/done-notice';
import { ActionError } from '@/components/ui/form/action-error';
import type { ChoosableBuilding } from '@/components/ui/form/equipment-choice';
import { TextCommandForm } from '@/components/ui/form/text-command-form';
import { TextField } from '@/components/ui/form/text-field';
import { LoadFailed } from '@/components/ui/load-failed';
import { Pager } from '@/components/ui/pager';
import { Spinner } from '@/components/ui/spinner';
import { downloadExpensesCsv } from '@/features/finance/api/download-expenses-csv';
import { LEDGER_PAGE, useExpenses } from '@/features/finance/api/get-expenses';
import { useVoidExpense } from '@/features/finance/api/void-expense';
import { ExpenseForm } from '@/features/finance/components/expense-form';
import { ExpenseHistory } from '@/features/finance/components/expense-history';
import { EXPENSE_RULES } from '@/features/finance/components/finance-rules';
import { EXPENSE_CATEGORIES, isExpenseCategory, type Expense, type LedgerFilter } from '@/features/finance/types';
import { formatDay } from '@/lib/format-date';
import { formatEuros } from '@/lib/money';
import type { Problem } from '@/lib/validation';

const NO_FILTER: LedgerFilter = { from: '', to: '', category: '', includeVoided: false };

type Open = { kind: 'record' } | { kind: 'correct' | 'void' | 'history'; id: string } | null;

type ExpenseLedgerProps = {
  coproId: string;
  canManage: boolean;
  /** Whether the reader may open an expense's event history (managers and auditors may). */
  canReadHistory?: boolean;
  buildings: ChoosableBuilding[];
  personName: (accountId: string) => string;
  placeName: (id: string) => string;
};

/** The condo's ledger: filters, the CSV of what they select, and (for managers) recording,
 * correcting and voiding, each expense with its history. */
export function ExpenseLedger({ coproId, canManage, canReadHistory = true, buildings, personName, placeName }: ExpenseLedgerProps) {
  const { t, i18n } = useTranslation('finance');
  const [filter, setFilter] = useState<LedgerFilter>(NO_FILTER);
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState('');
  const ledger = useExpenses(coproId, filter, page * LEDGER_PAGE);

  function done(message: string) {
    setOpen(null);
    setNotice(message);
  }

  return (
    <div className="ledger">
      <LedgerFilters
        filter={filter}
        onFilter={(chosen) => {
          setFilter(chosen);
          setPage(0);
        }}
      />
      <DoneNotice text={notice} testId="ledger-notice" />
      <div className="ledger__bar">
        <p className="ledger__count" aria-live="polite">
          {ledger.data ? (
            <>
              <strong>{t('ledger.count', { count: ledger.data.total })}</strong> ·{' '}
              <span data-testid="ledger-total">{t('ledger.total', { amount: formatEuros(ledger.data.total_cents, i18n.language) })}</span>
            </>
          ) : null}
        </p>
        <div className="actions">
          <CsvExport coproId={coproId} filter={filter} onDone={setNotice} />
          {canManage && open?.kind !== 'record' ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setNotice('');
                setOpen({ kind: 'record' });
              }}
            >
              {t('ledger.record')}
            </button>
          ) : null}
        </div>
      </div>
      {open?.kind === 'record' ? (
        <ExpenseForm coproId={coproId} buildings={buildings} onDone={done} onCancel={() => setOpen(null)} />
      ) : null}
      {ledger.isPending ? <Spinner label={t('ledger.loading')} /> : null}
      {ledger.isError ? <LoadFailed error={ledger.error} onRetry={() => void ledger.refetch()} /> : null}
      {ledger.data && ledger.data.items.length === 0 ? <p className="card console-empty">{t('ledger.empty')}</p> : null}
      {ledger.data && ledger.data.items.length > 0 ? (
        <ul className="ledger__list" aria-busy={ledger.isFetching} aria-label={t('page.ledger')}>
          {ledger.data.items.map((expense) => (
            <ExpenseItem
              key={expense.id}
              expense={expense}
              coproId={coproId}
              canManage={canManage}
              canReadHistory={canReadHistory}
              buildings={buildings}
              personName={personName}
              placeName={placeName}
              open={open}
              setOpen={(next) => {
                setNotice('');
                setOpen(next);
              }}
              done={done}
            />
          ))}
        </ul>
      ) : null}
      {ledger.data ? (
        <Pager page={page} pageSize={LEDGER_PAGE} total={ledger.data.total} label={t('ledger.pages')} onPage={setPage} />
      ) : null}
    </div>
  );
}

function LedgerFilters({ filter, onFilter }: { filter: LedgerFilter; onFilter: (filter: LedgerFilter) => void }) {
  const { t } = useTranslation('finance');
  const [draft, setDraft] = useState(filter);
  const [problem, setProblem] = useState<Problem | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const backwards = draft.from && draft.to && draft.to < draft.from;
    setProblem(backwards ? { kind: 'console', key: 'toBeforeFrom' } : null);
    if (backwards) {
      document.getElementById('ledger-to')?.focus();
      return;
    }
    onFilter(draft);
  }

  return (
    <form className="card ledger-filters" onSubmit={submit} noValidate aria-label={t('ledger.filters')}>
      <TextField id="ledger-from" type="date" label={t('ledger.from')} value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
      <TextField
        id="ledger-to"
        type="date"
        label={t('ledger.to')}
        value={draft.to}
        problem={problem ?? undefined}
        onChange={(event) => setDraft({ ...draft, to: event.target.value })}
      />
      <div className="field">
        <label htmlFor="ledger-category">{t('ledger.category')}</label>
        <select
          id="ledger-category"
          value={draft.category}
          onChange={(event) => setDraft({ ...draft, category: isExpenseCategory(event.target.value) ? event.target.value : '' })}
        >
          <option value="">{t('ledger.allCategories')}</option>
          {EXPENSE_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`category.${category}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="checkbox ledger-filters__voided">
        <input
          id="ledger-voided"
          type="checkbox"
          checked={draft.includeVoided}
          onChange={(event) => setDraft({ ...draft, includeVoided: event.target.checked })}
        />
        <label htmlFor="ledger-voided">{t('ledger.includeVoided')}</label>
      </div>
      <div className="actions ledger-filters__actions">
        <button type="submit" className="button button--primary">
          {t('ledger.apply')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDraft(NO_FILTER);
            setProblem(null);
            onFilter(NO_FILTER);
          }}
        >
          {t('ledger.reset')}
        </button>
      </div>
    </form>
  );
}

function CsvExport({ coproId, filter, onDone }: { coproId: string; filter: LedgerFilter; onDone: (message: string) => void }) {
  const { t } = useTranslation('finance');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function download() {
    setPending(true);
    setError(null);
    try {
      const name = await downloadExpensesCsv(coproId, filter);
      onDone(t('ledger.exported', { name }));
    } catch (failed) {
      setError(failed);
    } finally {
      setPending(false);
    }
  }
  return (
    <>
      <button type="button" className="button" disabled={pending} onClick={() => void download()}>
        {pending ? t('ledger.exporting') : t('ledger.export')}
      </button>
      {error ? <ActionError error={error} /> : null}
    </>
  );
}

type ExpenseItemProps = {
  expense: Expense;
  coproId: string;
  canManage: boolean;
  canReadHistory: boolean;
  buildings: ChoosableBuilding[];
  personName: (accountId: string) => string;
  placeName: (id: string) => string;
  open: Open;
  setOpen: (open: Open) => void;
  done: (message: string) => void;
};

function ExpenseItem({ expense, coproId, canManage, canReadHistory, buildings, personName, placeName, open, setOpen, done }: ExpenseItemProps) {
  const { t, i18n } = useTranslation('finance');
  const voiding = useVoidExpense();
  const date = formatDay(expense.date, i18n.language, 'medium');
  const names = { date, supplier: expense.supplier };
  const showing = (kind: 'correct' | 'void' | 'history') => open?.kind === kind && open.id === expense.id;
  const toggle = (kind: 'correct' | 'void' | 'history') => setOpen(showing(kind) ? null : { kind, id: expense.id });
  const where = [expense.building_id, expense.equipment_id].filter((id): id is string => id !== null).map(placeName);
  return (
    <li className={expense.voided ? 'card ledger__item ledger__item--voided' : 'card ledger__item'} data-testid="expense">
      <div className="ledger__main">
        <p className="ledger__date">
          <time dateTime={expense.date}>{date}</time>
        </p>
        <div className="ledger__what">
          <p className="ledger__supplier">{expense.supplier}</p>
          <p className="small muted">
            {t(`category.${expense.category}`)}
            {expense.description ? ` · ${expense.description}` : ''}
            {expense.invoice_ref ? ` · ${t('ledger.invoice', { ref: expense.invoice_ref })}` : ''}
          </p>
          {where.length ? <p className="small muted">{t('ledger.where', { where: where.join(' · ') })}</p> : null}
          <p className="ledger__marks small">
            {expense.voided ? <span className="ledger__mark ledger__mark--voided">{t('ledger.voidedBecause', { reason: expense.void_reason ?? '' })}</span> : null}
            {expense.corrected > 0 ? <span className="ledger__mark">{t('ledger.corrected', { count: expense.corrected })}</span> : null}
          </p>
        </div>
        <p className="ledger__amount" data-testid="expense-amount">
          {expense.voided ? <s>{formatEuros(expense.amount_cents, i18n.language)}</s> : formatEuros(expense.amount_cents, i18n.language)}
        </p>
      </div>
      <div className="actions ledger__actions">
        {canReadHistory ? (
          <button
            type="button"
            className="button"
            aria-label={t('expense.historyOf', names)}
            aria-expanded={showing('history')}
            onClick={() => toggle('history')}
          >
            {t('expense.history')}
          </button>
        ) : null}
        {canManage && !expense.voided ? (
          <>
            <button
              type="button"
              className="button"
              aria-label={t('expense.correctOf', names)}
              aria-expanded={showing('correct')}
              onClick={() => toggle('correct')}
            >
              {t('expense.correct')}
            </button>
            <button
              type="button"
              className="button button--danger"
              aria-label={t('expense.voidOf', names)}
              aria-expanded={showing('void')}
              onClick={() => toggle('void')}
            >
              {t('expense.void')}
            </button>
          </>
        ) : null}
      </div>
      {showing('history') ? <ExpenseHistory expenseId={expense.id} personName={personName} placeName={placeName} /> : null}
      {showing('correct') ? (
        <ExpenseForm coproId={coproId} buildings={buildings} expense={expense} onDone={done} onCancel={() => setOpen(null)} />
      ) : null}
      {showing('void') ? (
        <section className="card console-section" aria-label={t('expense.voidTitle', names)}>
          <h3>{t('expense.voidTitle', names)}</h3>
          <p className="muted small">{t('expense.voidIntro')}</p>
          <TextCommandForm
            id={`void-${expense.id}`}
            label={t('fields.reason')}
            hint={t('fields.reasonHint')}
            rule={EXPENSE_RULES.reason}
            field="reason"
            submitLabel={t('expense.voidSubmit')}
            onSubmit={(reason) => voiding.mutateAsync({ expenseId: expense.id, reason: reason ?? '' })}
            onDone={() => done(t('expense.voidedDone'))}
            onCancel={() => setOpen(null)}
          />
        </section>
      ) : null}
    </li>
  );
}
