import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { ChoosableBuilding } from '@/components/ui/form/equipment-choice';
import { MessagePanel } from '@/components/ui/message-panel';
import { Spinner } from '@/components/ui/spinner';
import { useMaintenances } from '@/features/maintenance/api/get-maintenances';
import { useScheduleMaintenance } from '@/features/maintenance/api/schedule-maintenance';
import { WindowCard } from '@/features/maintenance/components/window-card';
import { EMPTY_WINDOW, planOf, WindowForm } from '@/features/maintenance/components/window-form';
import type { MaintenanceWindow, Period } from '@/features/maintenance/types';
import { localDay } from '@/lib/local-time';

type MaintenanceCalendarProps = { coproId: string; canManage: boolean; buildings: ChoosableBuilding[] };

// As the API lists by default: the last 30 days and the next 90.
const DEFAULT_PERIOD: Period = { from: localDay(-30), to: localDay(90) };

type Group = 'inProgress' | 'planned' | 'past';

function groupOf(window: MaintenanceWindow): Group {
  if (window.state === 'in_progress') return 'inProgress';
  return window.state === 'scheduled' ? 'planned' : 'past';
}

const EMPTY_TEXT = { inProgress: 'list.noneInProgress', planned: 'list.nonePlanned', past: 'list.nonePast' } as const;

/** The condo's windows in progress, planned and past over a period, and scheduling a new one. */
export function MaintenanceCalendar({ coproId, canManage, buildings }: MaintenanceCalendarProps) {
  const { t } = useTranslation('maintenance');
  const { t: tConsole } = useTranslation('console');
  const [period, setPeriod] = useState<Period>(DEFAULT_PERIOD);
  const windows = useMaintenances(coproId, period);
  const groups: Record<Group, MaintenanceWindow[]> = { inProgress: [], planned: [], past: [] };
  for (const window of windows.data?.items ?? []) groups[groupOf(window)].push(window);
  // The past reads best latest first; what is ahead, soonest first.
  groups.past.reverse();
  return (
    <>
      {canManage ? <ScheduleWindow coproId={coproId} buildings={buildings} /> : null}
      <PeriodForm period={period} onChange={setPeriod} />
      {windows.isPending ? <Spinner label={t('list.loading')} /> : null}
      {windows.isError ? (
        <MessagePanel title={t('list.errorTitle')} level={2}>
          <button type="button" className="button" onClick={() => void windows.refetch()}>
            {tConsole('error.retry')}
          </button>
        </MessagePanel>
      ) : null}
      {windows.data
        ? (['inProgress', 'planned', 'past'] as const).map((group) => (
            <section key={group} className="console-page" aria-labelledby={`windows-${group}`}>
              <h2 id={`windows-${group}`}>{t(`list.${group}`)}</h2>
              {groups[group].length === 0 ? (
                <p className="card console-empty">{t(EMPTY_TEXT[group])}</p>
              ) : (
                <ul className="board">
                  {groups[group].map((window) => (
                    <WindowCard key={window.id} window={window} canManage={canManage} buildings={buildings} />
                  ))}
                </ul>
              )}
            </section>
          ))
        : null}
    </>
  );
}

function PeriodForm({ period, onChange }: { period: Period; onChange: (period: Period) => void }) {
  const { t } = useTranslation('maintenance');
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // An empty or reversed period shows what the default one shows.
    if (from === '' || to === '' || to < from) onChange(DEFAULT_PERIOD);
    else onChange({ from, to });
  }
  return (
    <form className="card inline-form period-form" onSubmit={submit} aria-label={t('list.period')}>
      <div className="field">
        <label htmlFor="period-from">{t('list.from')}</label>
        <input id="period-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="period-to">{t('list.to')}</label>
        <input id="period-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
      </div>
      <button type="submit" className="button">
        {t('list.show')}
      </button>
    </form>
  );
}

function ScheduleWindow({ coproId, buildings }: { coproId: string; buildings: ChoosableBuilding[] }) {
  const { t } = useTranslation('maintenance');
  const [open, setOpen] = useState(false);
  const [scheduled, setScheduled] = useState(0);
  const schedule = useScheduleMaintenance();
  return (
    <section className="card console-section" aria-labelledby="schedule-heading">
      <div className="console-page__header">
        <h2 id="schedule-heading">{t('schedule.title')}</h2>
        {open ? null : (
          <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
            {t('list.schedule')}
          </button>
        )}
      </div>
      <p role="status" className="inline-form__done">
        {scheduled > 0 && !open ? t('schedule.done') : null}
      </p>
      {open ? (
        <WindowForm
          key={scheduled}
          idPrefix="schedule"
          initial={EMPTY_WINDOW}
          buildings={buildings}
          submitLabel={t('schedule.submit')}
          send={(draft) => schedule.mutateAsync({ coproId, plan: planOf(draft) })}
          onDone={() => {
            setScheduled((count) => count + 1);
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
        />
      ) : null}
    </section>
  );
}
