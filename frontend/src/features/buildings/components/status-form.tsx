import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { FormActions } from '@/components/ui/form/form-actions';
import { TextField } from '@/components/ui/form/text-field';
import { StatusBadge } from '@/components/ui/status-badge';
import { useSetEquipmentStatus } from '@/features/buildings/api/set-equipment-status';
import { StructureRefusal } from '@/features/buildings/components/structure-refusal';
import { NOTE_RULE, placeStructureRefusal } from '@/features/buildings/components/structure-rules';
import type { Equipment } from '@/features/buildings/types';
import { useCommandForm } from '@/hooks/use-command-form';
import { checkText } from '@/lib/validation';
import { EQUIPMENT_STATUSES, type EquipmentStatus } from '@/types/equipment-status';

const FIELDS = ['status', 'note'] as const;
type Field = (typeof FIELDS)[number];

type StatusFormProps = { equipment: Equipment; onDone: (message: string) => void; onCancel: () => void };

/** The status a manager sets by hand, with a note saying why. */
export function StatusForm({ equipment, onDone, onCancel }: StatusFormProps) {
  const { t } = useTranslation('buildings');
  const setStatus = useSetEquipmentStatus();
  const form = useCommandForm<Field>(`status-${equipment.id}`, FIELDS);
  const [status, setChosen] = useState<EquipmentStatus>(equipment.manual_status);
  const [note, setNote] = useState(equipment.note ?? '');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = { note: checkText(note, NOTE_RULE) ?? undefined };
    const taken = await form.submit(
      found,
      () => setStatus.mutateAsync({ equipmentId: equipment.id, change: { status, note: note.trim() || null } }),
      (error) => placeStructureRefusal(error, FIELDS, { note: NOTE_RULE }),
    );
    if (taken) onDone(t('equipment.statusSaved'));
  }

  const title = t('equipment.statusTitle', { name: equipment.name });
  return (
    <form className="card console-section console-form" onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
      <h3>{title}</h3>
      <fieldset className="choice" id={form.fieldId('status')}>
        <legend>{t('fields.status')}</legend>
        <div className="status-choices">
          {EQUIPMENT_STATUSES.map((choice) => {
            const id = `${form.fieldId('status')}-${choice}`;
            return (
              <div key={choice} className="radio">
                <input
                  id={id}
                  type="radio"
                  name={form.fieldId('status')}
                  value={choice}
                  checked={status === choice}
                  onChange={() => setChosen(choice)}
                />
                <label htmlFor={id}>
                  <StatusBadge status={choice} />
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      <TextField
        multiline
        id={form.fieldId('note')}
        label={t('fields.note')}
        hint={t('fields.noteHint')}
        optional
        rows={2}
        value={note}
        problem={form.problems.note}
        onChange={(event) => {
          setNote(event.target.value);
          form.revise('note', null);
        }}
      />
      {form.refusal ? <StructureRefusal error={form.refusal} /> : null}
      <FormActions submitLabel={t('equipment.saveStatus')} pending={form.pending} onCancel={onCancel} />
    </form>
  );
}
