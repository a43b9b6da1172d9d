import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionError } from '@/components/ui/form/action-error';
import type { ChoosableBuilding } from '@/components/ui/form/equipment-choice';
import { TextCommandForm } from '@/components/ui/form/text-command-form';
import { TextField } from '@/components/ui/form/text-field';
import { Pill, type PillTone } from '@/components/ui/pill';
import { useEditMaintenance } from '@/features/maintenance/api/edit-maintenance';
import { maintenanceKeys } from '@/features/maintenance/api/get-maintenances';
import { useMoveMaintenance, type WindowMove } from '@/features/maintenance/api/move-maintenance';
import type { WindowPlan } from '@/features/maintenance/api/schedule-maintenance';
import { actionsFor, type WindowAction } from '@/features/maintenance/components/window-actions';
import { draftOfWindow, planOf, WindowForm } from '@/features/maintenance/components/window-form';
import type { MaintenanceState, MaintenanceWindow, WindowDraft } from '@/features/maintenance/types';
import { ApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format-date';
import { fromLocalInput, toLocalInput } from '@/lib/local-time';
import type { Problem } from '@/lib/validation';

const TONES: Record<MaintenanceState, PillTone> = {
  scheduled: 'looking',
  in_progress: 'working',
  completed: 'done',
  cancelled: 'closed',
};

// command_api/schemas/maintenance.py `MaintenanceCancellation`.
const REASON = { min: 3, max: 500, multiline: true, optional: true } as const;

type WindowCardProps = { window: MaintenanceWindow; canManage: boolean; buildings: ChoosableBuilding[] };

/** One maintenance window, and for managers the commands its state takes, and only those. */
export function WindowCard({ window, canManage, buildings }: WindowCardProps) {
  const { t, i18n } = useTranslation('maintenance');
  const language = i18n.resolvedLanguage ?? 'fr';
  const [open, setOpen] = useState<WindowAction | null>(null);
  const actions = canManage ? actionsFor(window.state) : [];
  const headingId = `window-${window.id}`;
  return (
    <li className="board__row card window" data-testid={`window-${window.id}`} aria-labelledby={headingId}>
      <div className="board__title">
        <h3 id={headingId}>{window.title}</h3>
        <Pill tone={TONES[window.state]} label={t(`states.${window.state}`)} testId="window-state" />
      </div>
      <p className="board__meta">
        <span>
          {t('list.times', { from: formatDateTime(window.starts_at, language), to: formatDateTime(window.ends_at, language) })}
        </span>
        {window.started_at ? <span>{t('list.startedAt', { date: formatDateTime(window.started_at, language) })}</span> : null}
        {window.completed_at ? <span>{t('list.completedAt', { date: formatDateTime(window.completed_at, language) })}</span> : null}
        {window.cancelled_at ? <span>{t('list.cancelledAt', { date: formatDateTime(window.cancelled_at, language) })}</span> : null}
      </p>
      <p className="board__meta">{window.equipment.map((item) => item.name).filter(Boolean).join(', ')}</p>
      {window.description ? <p className="managed-ticket__description">{window.description}</p> : null}
      {actions.length > 0 ? (
        <div className="actions">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === open ? 'button button--primary' : 'button'}
              aria-expanded={action === open}
              onClick={() => setOpen(action === open ? null : action)}
            >
              {t(`actions.${action}`)}
            </button>
          ))}
        </div>
      ) : null}
      {open && actions.includes(open) ? (
        <WindowActionForm key={`${open}-${window.version}`} action={open} window={window} buildings={buildings} onClose={() => setOpen(null)} />
      ) : null}
    </li>
  );
}

type ActionFormProps = { action: WindowAction; window: MaintenanceWindow; buildings: ChoosableBuilding[]; onClose: () => void };

function WindowActionForm({ action, window, buildings, onClose }: ActionFormProps) {
  const { t } = useTranslation('maintenance');
  const move = useMoveMaintenance();
  const send = (windowMove: WindowMove) => move.mutateAsync({ maintenanceId: window.id, move: windowMove });
  switch (action) {
    case 'edit':
      return <EditWindow window={window} buildings={buildings} onClose={onClose} />;
    case 'extend':
      return <ExtendWindow window={window} onExtend={(endsAt) => send({ kind: 'extend', endsAt })} onClose={onClose} />;
    case 'cancel':
      return (
        <TextCommandForm
          id={`window-${window.id}-reason`}
          label={t('actions.cancelReason')}
          rule={REASON}
          field="reason"
          submitLabel={t('actions.cancelSubmit')}
          onSubmit={(reason) => send({ kind: 'cancel', reason })}
          onDone={onClose}
          onCancel={onClose}
        />
      );
    case 'start':
    case 'complete':
      return (
        <div className="confirm" role="group" aria-label={t(`actions.${action}`)}>
          <p>{action === 'start' ? t('actions.confirmStart') : t('actions.confirmComplete')}</p>
          {move.isError ? <ActionError error={move.error} /> : null}
          <div className="actions">
            <button
              type="button"
              className="button button--primary"
              disabled={move.isPending}
              onClick={() => void send({ kind: action }).then(onClose, () => undefined)}
            >
              {t('actions.confirm')}
            </button>
          </div>
        </div>
      );
  }
}

function EditWindow({ window, buildings, onClose }: Omit<ActionFormProps, 'action'>) {
  const { t } = useTranslation('maintenance');
  const queryClient = useQueryClient();
  const edit = useEditMaintenance();
  const initial = draftOfWindow(window);
  function send(draft: WindowDraft) {
    const before = planOf(initial);
    const after = planOf(draft);
    const changes: Partial<WindowPlan> = {};
    for (const key of Object.keys(after) as (keyof WindowPlan)[]) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) Object.assign(changes, { [key]: after[key] });
    }
    if (Object.keys(changes).length === 0) return Promise.resolve();
    return edit.mutateAsync({ maintenanceId: window.id, changes, expectedVersion: window.version });
  }
  return (
    <section className="window__form" aria-label={t('actions.editTitle')}>
      <WindowForm
        idPrefix={`window-${window.id}-edit`}
        initial={initial}
        buildings={buildings}
        submitLabel={t('actions.save')}
        send={send}
        onDone={onClose}
        onCancel={onClose}
        refusalAction={(refusal) =>
          refusal instanceof ApiError && refusal.code === 'version_conflict' ? (
            // The window is read again; the form opens anew on the version now saved.
            <button type="button" className="button" onClick={() => void queryClient.invalidateQueries({ queryKey: maintenanceKeys.all })}>
              {t('actions.takeCurrent')}
            </button>
          ) : null
        }
      />
    </section>
  );
}

function ExtendWindow({ window, onExtend, onClose }: { window: MaintenanceWindow; onExtend: (endsAt: string) => Promise<unknown>; onClose: () => void }) {
  const { t } = useTranslation('maintenance');
  const { t: tConsole } = useTranslation('console');
  const [endsAt, setEndsAt] = useState(toLocalInput(window.ends_at));
  const [problem, setProblem] = useState<Problem | undefined>();
  const [refusal, setRefusal] = useState<unknown>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRefusal(null);
    const iso = fromLocalInput(endsAt);
    if (iso === null) return setProblem(endsAt === '' ? { kind: 'required' } : { kind: 'console', key: 'invalidTime' });
    if (Date.parse(iso) <= Date.parse(window.ends_at)) return setProblem({ kind: 'console', key: 'notLater' });
    setProblem(undefined);
    try {
      await onExtend(iso);
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.some((field) => field.field === 'ends_at')) {
        setProblem({ kind: 'console', key: 'notLater' });
      } else setRefusal(error);
    }
  }
  return (
    <form className="console-form" onSubmit={submit} noValidate>
      <TextField
        id={`window-${window.id}-extend`}
        type="datetime-local"
        label={t('actions.extendTo')}
        value={endsAt}
        problem={problem}
        onChange={(event) => setEndsAt(event.target.value)}
      />
      {refusal ? <ActionError error={refusal} /> : null}
      <div className="actions">
        <button type="submit" className="button button--primary">
          {t('actions.extendSubmit')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {tConsole('common.cancel')}
        </button>
      </div>
    </form>
  );
}
