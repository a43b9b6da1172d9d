import { useRef, useState, type FocusEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/ui/form/form-alert';
import { leavingForSubmit } from '@/components/ui/form/leaving-for-submit';
import { FieldMessage } from '@/components/ui/form/problem-message';
import { TextField } from '@/components/ui/form/text-field';
import { useRegister } from '@/features/auth/api/register';
import {
  checkSignUp,
  EMPTY_SIGNUP,
  SIGNUP_FIELDS,
  SIGNUP_RULES,
  signUpFieldOf,
  toSignUp,
  type SignUpField,
  type SignUpValues,
} from '@/features/auth/components/signup-rules';
import type { SignUpCondo } from '@/features/auth/types';
import { hasProblems, refusalOf, type FormFailure, type Problems } from '@/lib/validation';

type SignUpFormProps = { condo: SignUpCondo; onDone: () => void };

const id = (field: SignUpField) => `signup-${field}`;

/** A resident asks for an account in their condo; a manager activates it later. */
export function SignUpForm({ condo, onDone }: SignUpFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<SignUpValues>(EMPTY_SIGNUP);
  const [problems, setProblems] = useState<Problems<SignUpField>>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const register = useRegister();

  function update(field: SignUpField, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    if (problems[field]) setProblems((before) => ({ ...before, [field]: checkSignUp(next)[field] }));
  }

  function checkOnBlur(field: SignUpField) {
    setProblems((before) => ({ ...before, [field]: checkSignUp(values)[field] }));
  }

  function focusFirst(found: Problems<SignUpField>) {
    const first = SIGNUP_FIELDS.find((field) => found[field]);
    if (first) formRef.current?.querySelector<HTMLElement>(`#${id(first)}`)?.focus();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found = checkSignUp(values);
    setProblems(found);
    if (hasProblems(found)) {
      focusFirst(found);
      return;
    }
    try {
      await register.mutateAsync(toSignUp(values, condo.id));
      onDone();
    } catch (error) {
      const refusal = refusalOf(error, signUpFieldOf, SIGNUP_RULES);
      setProblems(refusal.problems);
      setFailure(refusal.failure);
      focusFirst(refusal.problems);
    }
  }

  const text = (field: SignUpField) => ({
    id: id(field),
    value: values[field],
    problem: problems[field],
    onChange: (event: { target: { value: string } }) => update(field, event.target.value),
    onBlur: (event: FocusEvent) => {
      if (!leavingForSubmit(event)) checkOnBlur(field);
    },
  });
  const buildingProblem = problems.building;

  return (
    <form ref={formRef} className="signup-form" onSubmit={handleSubmit} noValidate>
      {failure ? (
        <FormAlert
          failure={failure}
          rateLimited={(seconds) => (seconds === null ? t('auth.tooManyAttempts') : t('auth.retryIn', { count: seconds }))}
        />
      ) : null}
      <TextField {...text('email')} label={t('auth.email')} type="email" autoComplete="email" />
      <TextField
        {...text('password')}
        label={t('auth.password')}
        hint={t('signup.passwordHint')}
        type="password"
        autoComplete="new-password"
      />
      <div className="field-row">
        <TextField {...text('firstName')} label={t('signup.firstName')} autoComplete="given-name" />
        <TextField {...text('lastName')} label={t('signup.lastName')} autoComplete="family-name" />
      </div>
      <div className={buildingProblem ? 'field field--invalid' : 'field'}>
        <label htmlFor={id('building')}>{t('signup.building')}</label>
        <select
          id={id('building')}
          value={values.building}
          aria-invalid={buildingProblem ? true : undefined}
          aria-describedby={buildingProblem ? `${id('building')}-error` : undefined}
          onChange={(event) => update('building', event.target.value)}
          onBlur={(event) => {
            if (!leavingForSubmit(event)) checkOnBlur('building');
          }}
        >
          <option value="">{t('signup.chooseBuilding')}</option>
          {condo.buildings.map((building) => (
            <option key={building.id} value={building.id}>
              {building.name}
            </option>
          ))}
        </select>
        {buildingProblem ? <FieldMessage id={`${id('building')}-error`} problem={buildingProblem} /> : null}
      </div>
      <div className="field-row">
        <TextField {...text('lot')} label={t('signup.lot')} optional />
        <TextField {...text('floor')} label={t('signup.floor')} optional />
      </div>
      <button type="submit" className="button button--primary" disabled={register.isPending}>
        {register.isPending ? t('signup.sending') : t('signup.send')}
      </button>
    </form>
  );
}
