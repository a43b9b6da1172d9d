import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';

import { INCIDENT } from '@/features/incidents/components/incident-fixture';
import { IncidentUpdateForm } from '@/features/incidents/components/incident-update-form';
import { IncidentView } from '@/features/incidents/components/incident-view';
import { incidentsTranslations } from '@/features/incidents/locales';
import { loadNamespaces } from '@/lib/i18n-namespaces';
import { consoleTranslations } from '@/locales/console';
import { renderWithProviders } from '@/testing/render';
import type { IncidentStatus } from '@/types/incident-status';

beforeAll(() => loadNamespaces([consoleTranslations, incidentsTranslations]));

// domain/incident.py TRANSITIONS, as a manager reads them; "no status change" always comes first.
const OFFERED: Record<Exclude<IncidentStatus, 'closed'>, string[]> = {
  investigating: ['Sans changement de statut', 'Passer à « Intervention en cours »', 'Résoudre'],
  in_progress: ['Sans changement de statut', 'Revenir à « En cours d’analyse »', 'Résoudre'],
  resolved: ['Sans changement de statut', 'Rouvrir', 'Clore définitivement'],
};

describe('IncidentUpdateForm', () => {
  it.each(Object.entries(OFFERED))('offers exactly the status changes the rules allow from %s', (status, choices) => {
    renderWithProviders(<IncidentUpdateForm incidentId="i-1" status={status as IncidentStatus} />);
    const group = screen.getByRole('group', { name: 'Statut' });
    expect(within(group).getAllByRole('radio').map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent)).toEqual(choices);
  });
});

describe('IncidentView', () => {
  const noName = () => '';

  it('offers a closed incident no update and no edit, only internal comments', () => {
    renderWithProviders(
      <IncidentView incident={{ ...INCIDENT, status: 'closed' }} canManage buildings={[]} equipmentName={noName} personName={noName} listHref="/" />,
    );
    expect(screen.queryByTestId('incident-update')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Modifier/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ajouter le commentaire interne' })).toBeInTheDocument();
  });

  it('offers an auditor no command at all', () => {
    renderWithProviders(
      <IncidentView incident={INCIDENT} canManage={false} buildings={[]} equipmentName={noName} personName={noName} listHref="/" />,
    );
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.getByText('Bloqué au 3e étage.', { selector: '.follow-up__text' })).toBeInTheDocument();
  });
});
