import { useTranslation } from 'react-i18next';

import { TextCommandForm } from '@/components/ui/form/text-command-form';
import { useCommentOnIncident } from '@/features/incidents/api/comment-on-incident';
import { INCIDENT_RULES } from '@/features/incidents/components/incident-fields';
import type { IncidentComment } from '@/features/incidents/types';
import { formatDateTime } from '@/lib/format-date';

type IncidentCommentsProps = {
  incidentId: string;
  comments: IncidentComment[];
  personName: (id: string) => string;
};

/** The managers' internal notes on the incident, newest first, and a new one. */
export function IncidentComments({ incidentId, comments, personName }: IncidentCommentsProps) {
  const { t, i18n } = useTranslation('incidents');
  const language = i18n.resolvedLanguage ?? 'fr';
  const comment = useCommentOnIncident();
  return (
    <section className="card console-section note-form--internal" aria-labelledby="incident-comments-title">
      <h2 id="incident-comments-title">{t('comments.title')}</h2>
      <p className="field__hint">{t('comments.hint')}</p>
      {comments.length === 0 ? <p className="muted">{t('comments.none')}</p> : null}
      <ol className="follow-up">
        {comments.map((note, index) => (
          <li key={`${note.at}-${index}`} className="follow-up__item follow-up__item--internal" data-testid="incident-comment">
            <p className="follow-up__head">
              <time dateTime={note.at}>{formatDateTime(note.at, language)}</time>
              {note.author_id ? <span className="muted">{t('comments.by', { name: personName(note.author_id) })}</span> : null}
            </p>
            <p className="follow-up__text">{note.text}</p>
          </li>
        ))}
      </ol>
      <TextCommandForm
        id="incident-comment"
        label={t('comments.label')}
        rule={INCIDENT_RULES.message}
        field="text"
        submitLabel={t('comments.submit')}
        onSubmit={(text) => comment.mutateAsync({ incidentId, text: text ?? '' })}
      />
    </section>
  );
}
