import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { FormActions } from '@/components/ui/form/form-actions';
import { TextField } from '@/components/ui/form/text-field';
import { useAddBuilding } from '@/features/buildings/api/add-building';
import { useUpdateBuilding, type BuildingChanges } from '@/features/buildings/api/update-building';
import { StructureRefusal } from '@/features/buildings/components/structure-refusal';
import {
  checkName,
  checkOrder,
  DESCRIPTION_RULE,
  NAME_RULE,
  parseOrder,
  placeStructureRefusal,
} from '@/features/buildings/components/structure-rules';
import type { Building } from '@/features/buildings/types';
import { useCommandForm } from '@/hooks/use-command-form';
import { checkText, type Problems } from '@/lib/validation';

const FIELDS = ['name', 'description', 'order'] as const;
type Field = (typeof FIELDS)[number];

type BuildingFormProps = {
  coproId: string;
  /** The building to edit; a new one when absent. */
  building?: Building;
  onDone: (message: string) => void;
  onCancel: () => void;
};

/** Adds a building, or renames, describes and reorders one (sending only what changed). */
export function BuildingForm({ coproId, building, onDone, onCancel }: BuildingFormProps) {
  const { t } = useTranslation('buildings');
  const add = useAddBuilding();
  const update = useUpdateBuilding();
  const formId = building ? `building-${building.id}` : 'new-building';
  const form = useCommandForm<Field>(formId, FIELDS);
  const [values, setValues] = useState<Record<Field, string>>({
    name: building?.name ?? '',
    description: building?.description ?? '',
    order: String(building?.order ?? 0),
  });

  function check(): Problems<Field> {
    return {
      name: checkName(values.name) ?? undefined,
      description: checkText(values.description, DESCRIPTION_RULE) ?? undefined,
      order: checkOrder(values.order) ?? undefined,
    };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const order = parseOrder(values.order) ?? 0;
    const fields = { name: values.name.trim(), description: values.description.trim(), order };
    const taken = await form.submit(
      check(),
      async () => {
        if (!building) return add.mutateAsync({ coproId, building: fields });
        const changes: BuildingChanges = {};
        if (fields.name !== building.name) changes.name = fields.name;
        if (fields.description !== building.description) changes.description = fields.description;
        if (fields.order !== building.order) changes.order = fields.order;
        if (Object.keys(changes).length === 0) return null;
        return update.mutateAsync({ buildingId: building.id, changes, expectedVersion: building.version });
      },
      (error) => placeStructureRefusal(error, FIELDS, { name: NAME_RULE, description: DESCRIPTION_RULE }),
    );
    if (taken) onDone(t(building ? 'building.saved' : 'building.added'));
  }

  function change(field: Field, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    form.revise(field, null);
  }

  const title = building ? t('building.editTitle', { name: building.name }) : t('building.addTitle');
  return (
    <form className="card console-section console-form" onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
      <h3>{title}</h3>
      <TextField
        id={form.fieldId('name')}
        label={t('fields.name')}
        value={values.name}
        problem={form.problems.name}
        autoComplete="off"
        maxLength={NAME_RULE.max}
        onChange={(event) => change('name', event.target.value)}
      />
      <TextField
        multiline
        id={form.fieldId('description')}
        label={t('fields.description')}
        optional
        rows={2}
        value={values.description}
        problem={form.problems.description}
        onChange={(event) => change('description', event.target.value)}
      />
      <TextField
        id={form.fieldId('order')}
        label={t('fields.order')}
        hint={t('fields.orderHint')}
        inputMode="numeric"
        value={values.order}
        problem={form.problems.order}
        onChange={(event) => change('order', event.target.value)}
      />
      {form.refusal ? <StructureRefusal error={form.refusal} /> : null}
      <FormActions submitLabel={building ? t('building.edit') : t('building.add')} pending={form.pending} onCancel={onCancel} />
    </form>
  );
}
