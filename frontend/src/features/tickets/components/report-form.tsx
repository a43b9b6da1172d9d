import { useRef, useState, type FocusEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/ui/form/form-alert';
import { leavingForSubmit } from '@/components/ui/form/leaving-for-submit';
import { TextField } from '@/components/ui/form/text-field';
import { useReportTicket } from '@/features/tickets/api/report-ticket';
import { EquipmentPicker } from '@/features/tickets/components/equipment-picker';
import {
  checkReport,
  EMPTY_REPORT,
  REPORT_FIELDS,
  REPORT_RULES,
  reportFieldOf,
  toTicketReport,
  type ReportField,
  type ReportValues,
} from '@/features/tickets/components/report-rules';
import type { PickableBuilding, Receipt } from '@/features/tickets/types';
import { hasProblems, refusalOf, type FormFailure, type Problems } from '@/lib/validation';

type ReportFormProps = {
  coproId: string;
  buildings: PickableBuilding[];
  /** Signed-in residents are known by their account: no contact details are asked. */
  anonymous: boolean;
  onReported: (receipt: Receipt) => void;
};

type TextFieldName = Exclude<ReportField, 'type' | 'equipment'>;

const FIELD_IDS: Record<ReportField, string> = {
  type: 'report-type-incident',
  title: 'report-title',
  description: 'report-description',
  location: 'report-location',
  equipment: 'report-equipment',
  name: 'report-name',
  email: 'report-email',
  phone: 'report-phone',
};

/** What a visitor or resident reports: something broken, or a request. */
export function ReportForm({ coproId, buildings, anonymous, onReported }: ReportFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ReportValues>(EMPTY_REPORT);
  const [problems, setProblems] = useState<Problems<ReportField>>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const report = useReportTicket();

  function update<K extends keyof ReportValues>(key: K, value: ReportValues[K]) {
    const next = { ...values, [key]: value };
    setValues(next);
    // Once a field was found wrong, it says as soon as it is right again.
    if (Object.keys(problems).length > 0) {
      const now = checkReport(next, anonymous);
      setProblems((before) => keepShown(before, now));
    }
  }

  function checkOnBlur(field: ReportField) {
    const found = checkReport(values, anonymous)[field];
    setProblems((before) => ({ ...before, [field]: found }));
  }

  function focusFirst(found: Problems<ReportField>) {
    const first = REPORT_FIELDS.find((field) => found[field]);
    if (!first) return;
    const target = first === 'equipment' ? `#${FIELD_IDS.equipment} input` : `#${FIELD_IDS[first]}`;
    formRef.current?.querySelector<HTMLElement>(target)?.focus();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found = checkReport(values, anonymous);
    setProblems(found);
    if (hasProblems(found)) {
      focusFirst(found);
      return;
    }
    try {
      onReported(await report.mutateAsync({ coproId, report: toTicketReport(values, anonymous) }));
    } catch (error) {
      const refusal = refusalOf(error, reportFieldOf, REPORT_RULES);
      setProblems(refusal.problems);
      setFailure(refusal.failure);
      focusFirst(refusal.problems);
    }
  }

  const text = (field: TextFieldName) => ({
    id: FIELD_IDS[field],
    value: values[field],
    problem: problems[field],
    onChange: (event: { target: { value: string } }) => update(field, event.target.value),
    onBlur: (event: FocusEvent) => {
      if (!leavingForSubmit(event)) checkOnBlur(field);
    },
  });
  const isIncident = values.type === 'incident';
  return (
    <form ref={formRef} className="report-form" onSubmit={handleSubmit} noValidate>
      {failure ? (
        <FormAlert
          failure={failure}
          rateLimited={(seconds) => (seconds === null ? t('report.tooManySoon') : t('report.tooMany', { count: seconds }))}
        />
      ) : null}
      <fieldset className="field choice">
        <legend>{t('report.type')}</legend>
        {(['incident', 'request'] as const).map((type) => (
          <div key={type} className="radio">
            <input
              id={`report-type-${type}`}
              type="radio"
              name="type"
              value={type}
              checked={values.type === type}
              onChange={() => update('type', type)}
              aria-describedby={`report-type-${type}-hint`}
            />
            <label htmlFor={`report-type-${type}`}>{t(`report.types.${type}`)}</label>
            <p id={`report-type-${type}-hint`} className="field__hint">
              {t(`report.typeHints.${type}`)}
            </p>
          </div>
        ))}
      </fieldset>

      <TextField
        {...text('title')}
        label={t('report.title')}
        hint={t('form.lengthHint', { min: 3, max: 120 })}
        autoComplete="off"
      />
      <TextField
        multiline
        {...text('description')}
        label={t('report.description')}
        hint={t('form.lengthHint', { min: 10, max: 5000 })}
        rows={5}
      />
      <TextField
        {...text('location')}
        label={t('report.location')}
        hint={t('report.locationHint')}
        optional
      />
      <EquipmentPicker
        id={FIELD_IDS.equipment}
        buildings={buildings}
        selected={values.equipmentIds}
        required={isIncident}
        problem={problems.equipment}
        onChange={(selected) => update('equipmentIds', selected)}
      />

      {anonymous ? (
        <fieldset className="field contact">
          <legend>{t('report.contact')}</legend>
          <p className="field__hint">{t('report.contactHint')}</p>
          <TextField
            {...text('name')}
            label={t('report.name')}
            autoComplete="name"
          />
          <TextField
            {...text('email')}
            label={t('report.email')}
            type="email"
            autoComplete="email"
          />
          <TextField
            {...text('phone')}
            label={t('report.phone')}
            hint={t('report.phoneHint')}
            optional
            type="tel"
            autoComplete="tel"
          />
        </fieldset>
      ) : null}

      <button type="submit" className="button button--primary" disabled={report.isPending}>
        {report.isPending ? t('report.sending') : t('report.send')}
      </button>
    </form>
  );
}

/** Problems still shown: those that are still true (a fixed field clears, no new one appears
 * before the visitor leaves the field or sends). */
function keepShown(before: Problems<ReportField>, now: Problems<ReportField>): Problems<ReportField> {
  const kept: Problems<ReportField> = {};
  for (const field of REPORT_FIELDS) {
    if (before[field] && now[field]) kept[field] = now[field];
  }
  return kept;
}
