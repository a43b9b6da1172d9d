import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { FieldMessage } from '@/components/ui/form/problem-message';
import type { Problem } from '@/lib/validation';
import type { components } from '@/types/api/command';

export type Impact = components['schemas']['Impact'];
export type ImpactOn = components['schemas']['ImpactOn'];

/** From the least to the worst, as a manager weighs them. */
export const IMPACTS: readonly Impact[] = ['maintenance', 'degraded', 'partial_outage', 'major_outage'];

/** A building and the equipment in it one may pick. */
export type ChoosableBuilding = { id: string; name: string; equipment: { id: string; name: string }[] };

type GroupsProps = {
  id: string;
  legend: string;
  hint?: string;
  problem?: Problem;
  buildings: ChoosableBuilding[];
  item: (equipment: { id: string; name: string }, inputId: string) => ReactNode;
};

/** Equipment picked building by building: one group per building, its legend the building's name. */
function BuildingGroups({ id, legend, hint, problem, buildings, item }: GroupsProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : null, problem ? errorId : null].filter(Boolean).join(' ');
  return (
    <fieldset
      id={id}
      className={problem ? 'field picker field--invalid' : 'field picker'}
      aria-describedby={described || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {problem ? <FieldMessage id={errorId} problem={problem} /> : null}
      <div className="picker__buildings">
        {buildings.map((building) => (
          <fieldset key={building.id} className="picker__building">
            <legend>{building.name}</legend>
            {building.equipment.map((equipment, index) => item(equipment, `${id}-${building.id}-${index}`))}
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}

type ChecklistProps = Omit<GroupsProps, 'item'> & { value: string[]; onChange: (value: string[]) => void };

/** One or more pieces of equipment (a maintenance window's). */
export function EquipmentChecklist({ value, onChange, ...groups }: ChecklistProps) {
  return (
    <BuildingGroups
      {...groups}
      item={(equipment, inputId) => (
        <div key={equipment.id} className="checkbox">
          <input
            id={inputId}
            type="checkbox"
            checked={value.includes(equipment.id)}
            aria-invalid={groups.problem ? true : undefined}
            onChange={(event) =>
              onChange(event.target.checked ? [...value, equipment.id] : value.filter((chosen) => chosen !== equipment.id))
            }
          />
          <label htmlFor={inputId}>{equipment.name}</label>
        </div>
      )}
    />
  );
}

type ImpactsProps = Omit<GroupsProps, 'item'> & {
  value: ImpactOn[];
  onChange: (value: ImpactOn[]) => void;
  /** Equipment that stays affected whatever is ticked (a converted ticket's): its impact only can change. */
  locked?: readonly string[];
};

/** The equipment an incident affects, each with its impact. */
export function ImpactsField({ value, onChange, locked = [], ...groups }: ImpactsProps) {
  const { t } = useTranslation();
  const { t: tConsole } = useTranslation('console');
  const impactOf = (equipmentId: string) => value.find((chosen) => chosen.equipment_id === equipmentId)?.impact;
  function toggle(equipmentId: string, checked: boolean) {
    onChange(
      checked
        ? [...value, { equipment_id: equipmentId, impact: 'degraded' }]
        : value.filter((chosen) => chosen.equipment_id !== equipmentId),
    );
  }
  function weigh(equipmentId: string, impact: Impact) {
    onChange(value.map((chosen) => (chosen.equipment_id === equipmentId ? { ...chosen, impact } : chosen)));
  }
  return (
    <BuildingGroups
      {...groups}
      item={(equipment, inputId) => {
        const impact = impactOf(equipment.id);
        return (
          <div key={equipment.id} className="impact-choice">
            <div className="checkbox">
              <input
                id={inputId}
                type="checkbox"
                checked={impact !== undefined}
                disabled={locked.includes(equipment.id)}
                aria-invalid={groups.problem ? true : undefined}
                onChange={(event) => toggle(equipment.id, event.target.checked)}
              />
              <label htmlFor={inputId}>{equipment.name}</label>
            </div>
            {impact === undefined ? null : (
              <select
                aria-label={tConsole('equipment.impactOf', { name: equipment.name })}
                value={impact}
                onChange={(event) => weigh(equipment.id, event.target.value as Impact)}
              >
                {IMPACTS.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(`status.${choice}`)}
                  </option>
                ))}
              </select>
            )}
          </div>
        );
      }}
    />
  );
}
