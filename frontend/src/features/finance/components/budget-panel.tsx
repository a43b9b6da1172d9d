import './finance.css';

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Figures } from '@/components/ui/chart/figures';
import { DoneNotice } from '@/components/ui/done-notice';
import { ActionError } from '@/components/ui/form/action-error';
import { FormActions } from '@/components/ui/form/form-actions';
import { useProblemText } from '@/components/ui/form/problem-message';
import { TextField } from '@/components/ui/form/text-field';
import { LoadFailed } from '@/components/ui/load-failed';
import { Spinner } from '@/components/ui/spinner';
import { useApproveBudget } from '@/features/finance/api/approve-budget';
import { useBudget } from '@/features/finance/api/get-budget';
import { useSetBudget } from '@/features/finance/api/set-budget';
import {
  changedLines,
  checkBudget,
  checkPastDay,
  lineValues,
  placeBudgetRefusal,
  totalOf,
  type BudgetField,
  type LineValues,
} from '@/features/finance/components/finance-rules';
import { EXPENSE_CATEGORIES, type Budget, type BudgetChange, type BudgetLines } from '@/features/finance/types';
import { useCommandForm } from '@/hooks/use-command-form';
import { ApiError } from '@/lib/api-client';
import { formatDateTime, formatDay } from '@/lib/format-date';
import { localDay } from '@/lib/local-time';
import { formatEuros, parseEuros } from '@/lib/money';
import type { Problem } from '@/lib/validation';

type BudgetPanelProps = { coproId: string; year: number; canManage: boolean };

/** The year's budget: its state, its lines (proposed, revised, or amended with a reason once
 * approved), the general assembly's approval, and every change since it was proposed. */
export function BudgetPanel({ coproId, year, canManage }: BudgetPanelProps) {
  const { t, i18n } = useTranslation('finance');
  const budget = useBudget(coproId, year);
  const [notice, setNotice] = useState('');

  if (budget.isPending) return <Spinner label={t('budget.loading')} />;
  if (budget.isError) return <LoadFailed error={budget.error} onRetry={() => void budget.refetch()} />;
  const found = budget.data;
  return (
    <div className="budget">
      <DoneNotice text={notice} testId="budget-notice" />
      {found ? (
        <p className="budget__state" data-testid="budget-state" data-state={found.state}>
          <span className="muted">{t('budget.stateLabel')}</span>{' '}
          <span className={`budget-state budget-state--${found.state}`}>
            {found.state === 'approved' ? t('budget.approved', { date: formatDay(found.approved_on ?? '', i18n.language, 'medium') }) : t('budget.provisional')}
          </span>{' '}
          · {t('budget.total', { amount: formatEuros(found.total_cents, i18n.language) })}
        </p>
      ) : (
        <p className="card console-empty" data-testid="budget-none">
          {t('budget.none', { year })}
        </p>
      )}
      {canManage ? (
        // A new form per year and per version of the budget: it starts from what is saved.
        <BudgetLinesForm key={`${year}-${found?.updated_at ?? 'none'}`} coproId={coproId} year={year} budget={found} onDone={setNotice} />
      ) : found ? (
        <LinesTable year={year} lines={found.lines} />
      ) : null}
      {canManage && found?.state === 'provisional' ? <ApprovalForm coproId={coproId} year={year} onDone={setNotice} /> : null}
      {found ? <BudgetChanges budget={found} /> : null}
    </div>
  );
}

function BudgetLinesForm({ coproId, year, budget, onDone }: { coproId: string; year: number; budget: Budget | null; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation('finance');
  const save = useSetBudget();
  const fields: readonly BudgetField[] = [...EXPENSE_CATEGORIES, 'reason'];
  const form = useCommandForm<BudgetField>(`budget-${year}`, fields);
  const [values, setValues] = useState<LineValues>(() => lineValues(budget?.lines, i18n.language));
  const [reason, setReason] = useState('');
  const [unchanged, setUnchanged] = useState(false);
  const approved = budget?.state === 'approved';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const check = checkBudget(budget, values, reason);
    setUnchanged(check.unchanged);
    if (check.unchanged) return;
    const taken = await form.submit(
      check.problems,
      () => save.mutateAsync({ coproId, year, lines: check.lines, reason: reason.trim() || null }),
      placeBudgetRefusal,
    );
    if (taken) onDone(t(approved ? 'budget.amended' : 'budget.saved'));
  }

  const typedTotal = EXPENSE_CATEGORIES.reduce((sum, category) => {
    const amount = parseEuros(values[category], { allowZero: true });
    return sum + ('cents' in amount ? amount.cents : 0);
  }, 0);
  const titleId = `budget-${year}-title`;
  return (
    <form className="card console-section console-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{t('budget.linesTitle', { year })}</h2>
      <p className="muted small">{t('budget.linesHint')}</p>
      <div className="budget__lines">
        {EXPENSE_CATEGORIES.map((category) => (
          <TextField
            key={category}
            id={form.fieldId(category)}
            label={t(`category.${category}`)}
            inputMode="decimal"
            autoComplete="off"
            value={values[category]}
            problem={form.problems[category]}
            onChange={(event) => {
              setValues((current) => ({ ...current, [category]: event.target.value }));
              setUnchanged(false);
              form.revise(category, null);
            }}
          />
        ))}
      </div>
      <p className="budget__total" aria-live="polite">
        {t('budget.total', { amount: formatEuros(typedTotal, i18n.language) })}
      </p>
      <TextField
        multiline
        rows={2}
        id={form.fieldId('reason')}
        label={approved ? t('budget.reasonApproved') : t('budget.reason')}
        hint={approved ? t('budget.reasonHintApproved') : t('budget.reasonHintProvisional')}
        optional={!approved}
        value={reason}
        problem={form.problems.reason}
        onChange={(event) => {
          setReason(event.target.value);
          setUnchanged(false);
          form.revise('reason', null);
        }}
      />
      {unchanged ? <ProblemAlert problem={{ kind: 'console', key: 'nothingChanged' }} /> : null}
      {form.refusal ? <BudgetRefusal error={form.refusal} /> : null}
      <FormActions submitLabel={budget === null ? t('budget.propose') : approved ? t('budget.amend') : t('budget.revise')} pending={form.pending} />
    </form>
  );
}

function ProblemAlert({ problem }: { problem: Problem }) {
  const describe = useProblemText();
  return (
    <p className="form-error" role="alert">
      {describe(problem)}
    </p>
  );
}

function BudgetRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation('finance');
  if (error instanceof ApiError && (error.code === 'budget_already_approved' || error.code === 'budget_amendment_needs_reason')) {
    return (
      <p className="form-error" role="alert" data-testid="action-error">
        {t('budget.alreadyApproved')}
      </p>
    );
  }
  return <ActionError error={error} />;
}

function ApprovalForm({ coproId, year, onDone }: { coproId: string; year: number; onDone: (message: string) => void }) {
  const { t } = useTranslation('finance');
  const approve = useApproveBudget();
  const form = useCommandForm<'approved_on'>(`approve-${year}`, ['approved_on']);
  const [day, setDay] = useState(localDay());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const taken = await form.submit(
      { approved_on: checkPastDay(day) ?? undefined },
      () => approve.mutateAsync({ coproId, year, approvedOn: day }),
      (error) => ({ problems: {}, unplaced: error }),
    );
    if (taken) onDone(t('budget.approvedDone'));
  }

  const titleId = `approve-${year}-title`;
  return (
    <form className="card console-section console-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{t('budget.approveTitle')}</h2>
      <TextField
        id={form.fieldId('approved_on')}
        type="date"
        max={localDay()}
        label={t('budget.approvedOn')}
        value={day}
        problem={form.problems.approved_on}
        onChange={(event) => {
          setDay(event.target.value);
          form.revise('approved_on', null);
        }}
      />
      {form.refusal ? <BudgetRefusal error={form.refusal} /> : null}
      <FormActions submitLabel={t('budget.approve')} pending={form.pending} />
    </form>
  );
}

/** The lines of a budget, read only (an auditor's view). */
function LinesTable({ year, lines }: { year: number; lines: BudgetLines }) {
  const { t, i18n } = useTranslation('finance');
  const title = t('budget.linesTitle', { year });
  return (
    <section className="card console-section" aria-label={title}>
      <h2>{title}</h2>
      <Figures label={title}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('spend.category')}</th>
              <th scope="col" className="number">
                {t('spend.budget')}
              </th>
            </tr>
          </thead>
          <tbody>
            {EXPENSE_CATEGORIES.filter((category) => lines[category] !== undefined).map((category) => (
              <tr key={category}>
                <th scope="row">{t(`category.${category}`)}</th>
                <td className="number">{formatEuros(lines[category] ?? 0, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('spend.totalRow')}</th>
              <td className="number">{formatEuros(totalOf(lines), i18n.language)}</td>
            </tr>
          </tfoot>
        </table>
      </Figures>
    </section>
  );
}

/** Revisions and amendments, oldest first, each with what it changed from the one before. */
function BudgetChanges({ budget }: { budget: Budget }) {
  const { t, i18n } = useTranslation('finance');
  const changes: (BudgetChange & { kind: 'revision' | 'amendment' })[] = [
    ...budget.revisions.map((change) => ({ ...change, kind: 'revision' as const })),
    ...budget.amendments.map((change) => ({ ...change, kind: 'amendment' as const })),
  ].sort((a, b) => a.version - b.version);
  return (
    <section className="card console-section" aria-labelledby="budget-changes-title" data-testid="budget-changes">
      <h2 id="budget-changes-title">{t('budget.changesTitle')}</h2>
      {changes.length === 0 ? <p className="muted">{t('budget.noChanges')}</p> : null}
      <ol className="budget__changes">
        {changes.map((change, index) => {
          const before = index > 0 ? changes[index - 1]?.lines : undefined;
          const date = formatDateTime(change.at, i18n.language);
          return (
            <li key={change.version} className={`budget__change budget__change--${change.kind}`} data-testid={`budget-${change.kind}`}>
              <p>
                <strong>{change.kind === 'amendment' ? t('budget.amendment', { date }) : t('budget.revision', { date })}</strong>
              </p>
              <p>{change.reason ?? <span className="muted">{t('budget.noReason')}</span>}</p>
              <p className="small muted">{t('budget.newTotal', { amount: formatEuros(totalOf(change.lines), i18n.language) })}</p>
              {before ? (
                <ul className="small">
                  {changedLines(before, change.lines).map((line) => (
                    <li key={line.category}>
                      {t('budget.lineChange', {
                        category: t(`category.${line.category}`),
                        before: formatEuros(line.before, i18n.language),
                        after: formatEuros(line.after, i18n.language),
                      })}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
