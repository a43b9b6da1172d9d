import { useTranslation } from 'react-i18next';

import { FieldMessage } from '@/components/ui/form/problem-message';
import type { PickableBuilding } from '@/features/tickets/types';
import type { Problem } from '@/lib/validation';

type EquipmentPickerProps = {
  id: string;
  buildings: PickableBuilding[];
  selected: string[];
  required: boolean;
  problem?: Problem;
  onChange: (selected: string[]) => void;
};

/** One or more pieces of equipment, picked building by building. */
export function EquipmentPicker({ id, buildings, selected, required, problem, onChange }: EquipmentPickerProps) {
  const { t } = useTranslation();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  function toggle(equipmentId: string, checked: boolean) {
    onChange(checked ? [...selected, equipmentId] : selected.filter((chosen) => chosen !== equipmentId));
  }
  return (
    <fieldset
      className={problem ? 'field picker field--invalid' : 'field picker'}
      aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
      id={id}
    >
      <legend>
        {t('report.equipment')}
        {required ? null : <span className="field__optional"> {t('form.optional')}</span>}
      </legend>
      <p id={hintId} className="field__hint">
        {required ? t('report.equipmentHintIncident') : t('report.equipmentHintRequest')}
      </p>
      {problem ? <FieldMessage id={errorId} problem={problem} /> : null}
      <div className="picker__buildings">
        {buildings.map((building) => (
          <fieldset key={building.id} className="picker__building">
            <legend>{building.name}</legend>
            {building.equipment.map((item, index) => {
              const inputId = `${id}-${building.id}-${index}`;
              return (
                <div key={item.id} className="checkbox">
                  <input
                    id={inputId}
                    type="checkbox"
                    checked={selected.includes(item.id)}
                    aria-invalid={problem ? true : undefined}
                    onChange={(event) => toggle(item.id, event.target.checked)}
                  />
                  <label htmlFor={inputId}>
                    {item.name}
                    {item.location ? <span className="muted small"> · {item.location}</span> : null}
                  </label>
                </div>
              );
            })}
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}
