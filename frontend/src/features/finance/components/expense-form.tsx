import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionError } from '@/components/ui/form/action-error';
import type { ChoosableBuilding } from '@/components/ui/form/equipment-choice';
import { FormActions } from '@/components/ui/form/form-actions';
import { SelectField } from '@/components/ui/form/select-field';
import { TextField } from '@/components/ui/form/text-field';
import { useCorrectExpense } from '@/features/finance/api/correct-expense';
import { useRecordExpense } from '@/features/finance/api/record-expense';
import {
  checkExpense,
  correctionOf,
  emptyExpense,
  EXPENSE_FIELDS,
  EXPENSE_RULES,
  expenseRecordOf,
  expenseValues,
  placeExpenseRefusal,
  type ExpenseField,
  type ExpenseValues,
} from '@/features/finance/components/finance-rules';
import { EXPENSE_CATEGORIES, type Expense } from '@/features/finance/types';
import { useCommandForm } from '@/hooks/use-command-form';
import { ApiError } from '@/lib/api-client';
import { formatDay } from '@/lib/format-date';
import { localDay } from '@/lib/local-time';

type ExpenseFormProps = {
  coproId: string;
  buildings: ChoosableBuilding[];
  /** The expense to correct; a new one when absent. */
  expense?: Expense;
  onDone: (message: string) => void;
  onCancel: () => void;
};

/** Records an expense, or corrects one: only the values that changed, with a reason. */
export function ExpenseForm({ coproId, buildings, expense, onDone, onCancel }: ExpenseFormProps) {
  const { t, i18n } = useTranslation('finance');
  const record = useRecordExpense();
  const correct = useCorrectExpense();
  const form = useCommandForm<ExpenseField>(expense ? `correct-${expense.id}` : 'new-expense', EXPENSE_FIELDS);
  const [values, setValues] = useState<ExpenseValues>(() => (expense ? expenseValues(expense, i18n.language) : emptyExpense()));
  const [unchanged, setUnchanged] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = checkExpense(values, { correcting: Boolean(expense) });
    const correction = expense ? correctionOf(expense, values) : null;
    // Nothing to correct is said before anything else: no reason is owed for it.
    const nothing = expense !== undefined && correction === null;
    setUnchanged(nothing);
    if (nothing) return;
    const taken = await form.submit(
      problems,
      () =>
        expense && correction
          ? correct.mutateAsync({ expenseId: expense.id, correction })
          : record.mutateAsync({ coproId, expense: expenseRecordOf(values) }),
      placeExpenseRefusal,
    );
    if (taken) onDone(t(expense ? 'expense.corrected' : 'expense.recorded'));
  }

  function field(name: ExpenseField) {
    return {
      id: form.fieldId(name),
      value: values[name],
      problem: form.problems[name],
      onChange: (event: { target: { value: string } }) => {
        const value = event.target.value;
        setUnchanged(false);
        setValues((current) => ({
          ...current,
          [name]: value,
          // Equipment belongs to a building: choosing another building lets go of it.
          ...(name === 'building_id' ? { equipment_id: '' } : {}),
        }));
        form.revise(name, null);
      },
    };
  }

  const chosenBuilding = buildings.find((building) => building.id === values.building_id);
  const equipment = chosenBuilding ? chosenBuilding.equipment : buildings.flatMap((building) => building.equipment);
  const title = expense
    ? t('expense.correctTitle', { date: formatDay(expense.date, i18n.language, 'medium'), supplier: expense.supplier })
    : t('expense.recordTitle');
  const titleId = `${form.fieldId('date')}-title`;
  return (
    <form className="card console-section console-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      {expense ? <p className="muted small">{t('expense.correctIntro')}</p> : null}
      <div className="field-row">
        <TextField {...field('date')} label={t('fields.date')} type="date" max={localDay()} />
        <TextField {...field('amount')} label={t('fields.amount')} hint={t('fields.amountHint')} inputMode="decimal" autoComplete="off" />
      </div>
      <div className="field-row">
        <SelectField
          {...field('category')}
          label={t('fields.category')}
          placeholder={t('fields.chooseCategory')}
          options={EXPENSE_CATEGORIES.map((category) => ({ id: category, name: t(`category.${category}`) }))}
          onChange={(value) => field('category').onChange({ target: { value } })}
        />
        <TextField {...field('supplier')} label={t('fields.supplier')} maxLength={EXPENSE_RULES.supplier.max} />
      </div>
      <TextField {...field('description')} multiline rows={2} label={t('fields.description')} optional />
      <div className="field-row">
        <SelectField
          {...field('building_id')}
          label={t('fields.building')}
          placeholder={t('fields.none')}
          options={buildings}
          onChange={(value) => field('building_id').onChange({ target: { value } })}
        />
        <SelectField
          {...field('equipment_id')}
          label={t('fields.equipment')}
          placeholder={t('fields.none')}
          options={equipment}
          onChange={(value) => field('equipment_id').onChange({ target: { value } })}
        />
      </div>
      <TextField {...field('invoice_ref')} label={t('fields.invoiceRef')} optional maxLength={EXPENSE_RULES.invoice_ref.max} />
      {expense ? <TextField {...field('reason')} multiline rows={2} label={t('fields.reason')} hint={t('fields.reasonHint')} /> : null}
      {unchanged ? (
        <p className="form-error" role="alert">
          {t('expense.nothingChanged')}
        </p>
      ) : null}
      {form.refusal ? <ExpenseRefusal error={form.refusal} /> : null}
      <FormActions submitLabel={expense ? t('expense.correctSubmit') : t('ledger.record')} pending={form.pending} onCancel={onCancel} />
    </form>
  );
}

export function ExpenseRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation('finance');
  if (error instanceof ApiError && error.code === 'expense_voided') {
    return (
      <p className="form-error" role="alert" data-testid="action-error">
        {t('expense.voidedRefusal')}
      </p>
    );
  }
  return <ActionError error={error} />;
}
