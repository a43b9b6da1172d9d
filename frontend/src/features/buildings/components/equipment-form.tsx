import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { CategoryIcon } from '@/components/ui/category-icon';
import { FormActions } from '@/components/ui/form/form-actions';
import { SelectField } from '@/components/ui/form/select-field';
import { TextField } from '@/components/ui/form/text-field';
import { useEditEquipment, type EquipmentChanges } from '@/features/buildings/api/edit-equipment';
import { useInstallEquipment } from '@/features/buildings/api/install-equipment';
import { StructureRefusal } from '@/features/buildings/components/structure-refusal';
import {
  checkCode,
  checkName,
  checkOrder,
  LOCATION_RULE,
  NAME_RULE,
  parseOrder,
  placeStructureRefusal,
} from '@/features/buildings/components/structure-rules';
import type { Building, Equipment } from '@/features/buildings/types';
import { useCommandForm } from '@/hooks/use-command-form';
import { checkText, type Problems } from '@/lib/validation';
import { EQUIPMENT_CATEGORIES, isEquipmentCategory, type EquipmentCategory } from '@/types/equipment-status';

const FIELDS = ['name', 'category', 'code', 'location', 'order', 'building_id'] as const;
type Field = (typeof FIELDS)[number];

type EquipmentFormProps = {
  coproId: string;
  buildings: Building[];
  /** Where a new piece goes first. */
  buildingId: string;
  /** The piece to edit or move; a new one when absent. */
  equipment?: Equipment;
  onDone: (message: string) => void;
  onCancel: () => void;
};

/** Installs a piece of equipment, or edits one and moves it to another building. */
export function EquipmentForm({ coproId, buildings, buildingId, equipment, onDone, onCancel }: EquipmentFormProps) {
  const { t } = useTranslation('buildings');
  const { t: tCommon } = useTranslation();
  const install = useInstallEquipment();
  const edit = useEditEquipment();
  const form = useCommandForm<Field>(equipment ? `equipment-${equipment.id}` : `new-equipment-${buildingId}`, FIELDS);
  const [values, setValues] = useState<Record<Field, string>>({
    name: equipment?.name ?? '',
    category: equipment?.category ?? '',
    code: equipment?.code ?? '',
    location: equipment?.location ?? '',
    order: String(equipment?.order ?? 0),
    building_id: equipment?.building_id ?? buildingId,
  });

  function check(): Problems<Field> {
    return {
      name: checkName(values.name) ?? undefined,
      category: isEquipmentCategory(values.category) ? undefined : { kind: 'required' },
      // The server keeps a code or a location once given: an edit cannot clear them.
      code: checkCode(values.code, { required: Boolean(equipment?.code) }) ?? undefined,
      location: checkText(values.location, { ...LOCATION_RULE, optional: !equipment?.location }) ?? undefined,
      order: checkOrder(values.order) ?? undefined,
      building_id: values.building_id ? undefined : { kind: 'chooseBuilding' },
    };
  }

  function send() {
    const category = values.category as EquipmentCategory;
    const code = values.code.trim() || null;
    const location = values.location.trim() || null;
    const order = parseOrder(values.order) ?? 0;
    const name = values.name.trim();
    if (!equipment) {
      return install.mutateAsync({
        coproId,
        equipment: { building_id: values.building_id, name, category, code, location, order },
      });
    }
    const changes: EquipmentChanges = {};
    if (name !== equipment.name) changes.name = name;
    if (category !== equipment.category) changes.category = category;
    if (code !== equipment.code) changes.code = code;
    if (location !== equipment.location) changes.location = location;
    if (order !== equipment.order) changes.order = order;
    if (values.building_id !== equipment.building_id) changes.building_id = values.building_id;
    if (Object.keys(changes).length === 0) return Promise.resolve(null);
    return edit.mutateAsync({ equipmentId: equipment.id, changes, expectedVersion: equipment.version });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const taken = await form.submit(check(), send, (error) =>
      placeStructureRefusal(error, FIELDS, { name: NAME_RULE, location: LOCATION_RULE }),
    );
    if (taken) onDone(t(equipment ? 'equipment.saved' : 'equipment.added'));
  }

  function change(field: Field, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    form.revise(field, null);
  }

  const buildingName = buildings.find((building) => building.id === buildingId)?.name ?? '';
  const title = equipment ? t('equipment.editTitle', { name: equipment.name }) : t('equipment.addTitle', { building: buildingName });
  return (
    <form className="card console-section console-form" onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
      <h3>{title}</h3>
      <div className="field-row">
        <TextField
          id={form.fieldId('name')}
          label={t('fields.name')}
          value={values.name}
          problem={form.problems.name}
          autoComplete="off"
          maxLength={NAME_RULE.max}
          onChange={(event) => change('name', event.target.value)}
        />
        <div className="category-field">
          <SelectField
            id={form.fieldId('category')}
            label={t('fields.category')}
            placeholder={t('fields.chooseCategory')}
            options={EQUIPMENT_CATEGORIES.map((category) => ({ id: category, name: tCommon(`category.${category}`) }))}
            value={values.category}
            problem={form.problems.category}
            onChange={(value) => change('category', value)}
          />
          {isEquipmentCategory(values.category) ? <CategoryIcon category={values.category} /> : null}
        </div>
      </div>
      <div className="field-row">
        <TextField
          id={form.fieldId('code')}
          label={t('fields.code')}
          hint={t('fields.codeHint')}
          optional={!equipment?.code}
          value={values.code}
          problem={form.problems.code}
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          onChange={(event) => change('code', event.target.value)}
        />
        <TextField
          id={form.fieldId('location')}
          label={t('fields.location')}
          hint={t('fields.locationHint')}
          optional={!equipment?.location}
          value={values.location}
          problem={form.problems.location}
          maxLength={LOCATION_RULE.max}
          onChange={(event) => change('location', event.target.value)}
        />
      </div>
      <div className="field-row">
        <SelectField
          id={form.fieldId('building_id')}
          label={t('fields.building')}
          placeholder={t('fields.chooseBuilding')}
          options={buildings.map((building) => ({ id: building.id, name: building.name }))}
          value={values.building_id}
          problem={form.problems.building_id}
          onChange={(value) => change('building_id', value)}
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
      </div>
      {equipment ? <p className="field__hint">{t('fields.buildingHint')}</p> : null}
      {form.refusal ? <StructureRefusal error={form.refusal} /> : null}
      <FormActions submitLabel={equipment ? t('equipment.edit') : t('equipment.add')} pending={form.pending} onCancel={onCancel} />
    </form>
  );
}
