
import './ops.css';

import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ConfirmAction } from '@/components/ui/confirm-action';
import { DoneNotice } from '@/components/ui/done-notice';
import { refusalKey } from '@/components/ui/form/action-error';
import { usePauseProjection } from '@/features/ops/api/pause-projection';
import { useRebuildProjection } from '@/features/ops/api/rebuild-projection';
import { useResetProjection } from '@/features/ops/api/reset-projection';
import { useResumeProjection } from '@/features/ops/api/resume-projection';
import type { Projections, ProjectionStatus } from '@/features/ops/types';
import { ApiError } from '@/lib/api-client';

/** Every projection, a card each, with its rebuild's progress and its commands. */
export function ProjectionsBoard({ projections }: { projections: Projections }) {
  const { t } = useTranslation('ops');
  const [said, setSaid] = useState('');
  return (
    <>
      <p className="muted" data-testid="ops-head">
        {t('board.head', { head: projections.head })}
      </p>
      <DoneNotice text={said} testId="ops-done" />
      <ul className="ops-board" aria-label={t('board.caption')}>
        {projections.items.map((projection) => (
          <ProjectionCard key={projection.name} projection={projection} onDone={setSaid} />
        ))}
      </ul>
    </>
  );
}

function ProjectionCard({ projection, onDone }: { projection: ProjectionStatus; onDone: (said: string) => void }) {
  const { t, i18n } = useTranslation('ops');
  const { t: tConsole } = useTranslation('console');
  const rebuild = useRebuildProjection();
  const pause = usePauseProjection();
  const resume = useResumeProjection();
  const reset = useResetProjection();
  const { name } = projection;
  const numbers = new Intl.NumberFormat(i18n.language);
  const busy = rebuild.isPending || pause.isPending || resume.isPending || reset.isPending;
  const failure = [rebuild, pause, resume].find((command) => command.isError)?.error ?? null;
  const refusal = (error: unknown) =>
    error instanceof ApiError && error.code === 'rebuild_in_progress' ? t('actions.inProgress', { name }) : tConsole(`apiError.${refusalKey(error)}`);
  const none = t('board.none');

  function act(command: typeof rebuild, said: string) {
    for (const other of [rebuild, pause, resume]) if (other !== command) other.reset();
    command.mutate(name, { onSuccess: () => onDone(said) });
  }

  const headingId = `projection-${name}-name`;
  return (
    <li className="card ops-card" data-testid={`projection-${name}`} data-state={projection.state} aria-labelledby={headingId}>
      <header className="ops-card__header">
        <h2 id={headingId}>
          <code>{name}</code>
        </h2>
        <span className={`ops-state ops-state--${projection.state}`}>{t(`state.${projection.state}`)}</span>
      </header>
      {projection.rebuild ? <RebuildProgress name={name} rebuild={projection.rebuild} /> : null}
      <dl className="ops-facts">
        <dt>{t('board.version')}</dt>
        <dd data-testid="projection-version">{projection.version}</dd>
        <dt>{t('board.position')}</dt>
        <dd>{numbers.format(projection.position)}</dd>
        <dt>{t('board.lag')}</dt>
        <dd>{t('board.lagValue', { count: projection.lag })}</dd>
        <dt>{t('board.speed')}</dt>
        <dd>{projection.events_per_second === null ? none : numbers.format(Math.round(projection.events_per_second * 10) / 10)}</dd>
        <dt>{t('board.owner')}</dt>
        <dd>{projection.owner ? <code>{projection.owner}</code> : none}</dd>
        <dt>{t('board.error')}</dt>
        <dd className="ops-error">
          {projection.error
            ? projection.error_position !== null
              ? t('board.errorAt', { error: projection.error, position: projection.error_position })
              : projection.error
            : none}
        </dd>
      </dl>
      <div className="ops-actions">
        <button
          type="button"
          className="button button--primary"
          aria-label={t('actions.rebuildNamed', { name })}
          disabled={busy || projection.rebuild !== null}
          onClick={() => act(rebuild, t('actions.started', { name }))}
        >
          {t('actions.rebuild')}
        </button>
        {projection.state === 'running' ? (
          <button
            type="button"
            className="button"
            aria-label={t('actions.pauseNamed', { name })}
            disabled={busy}
            onClick={() => act(pause, t('actions.paused', { name }))}
          >
            {t('actions.pause')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            aria-label={t('actions.resumeNamed', { name })}
            disabled={busy}
            onClick={() => act(resume, t('actions.resumed', { name }))}
          >
            {t('actions.resume')}
          </button>
        )}
        <ConfirmAction
          label={t('actions.reset')}
          accessibleLabel={t('actions.resetNamed', { name })}
          question={t('actions.resetQuestion', { name })}
          confirmLabel={t('actions.resetConfirm')}
          danger
          onConfirm={async () => {
            await reset.mutateAsync(name);
            onDone(t('actions.wasReset', { name }));
          }}
          refusal={refusal}
        />
      </div>
      {failure ? (
        <p className="form-error" role="alert">
          {refusal(failure)}
        </p>
      ) : null}
    </li>
  );
}

function RebuildProgress({ name, rebuild }: { name: string; rebuild: NonNullable<ProjectionStatus['rebuild']> }) {
  const { t, i18n } = useTranslation('ops');
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(rebuild.progress);
  const label = t('rebuild.label', { name, version: rebuild.version });
  return (
    <div className="ops-rebuild" data-testid={`rebuild-${name}`}>
      <progress value={rebuild.progress} max={1} aria-label={label} />
      <p className="small" role="status">
        {t('rebuild.progress', { percent, position: new Intl.NumberFormat(i18n.language).format(rebuild.position) })}
      </p>
    </div>
  );
}
