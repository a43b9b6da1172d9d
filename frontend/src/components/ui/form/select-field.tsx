import { FieldMessage } from '@/components/ui/form/problem-message';
import type { Problem } from '@/lib/validation';

type SelectFieldProps = {
  id: string;
  label: string;
  /** The first, empty choice ("Choose…"). */
  placeholder: string;
  options: { id: string; name: string }[];
  value: string;
  problem?: Problem;
  onChange: (value: string) => void;
};

/** One thing chosen from a list, its problem beside it and named by `aria-describedby`. */
export function SelectField({ id, label, placeholder, options, value, problem, onChange }: SelectFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className={problem ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
      {problem ? <FieldMessage id={errorId} problem={problem} /> : null}
    </div>
  );
}
