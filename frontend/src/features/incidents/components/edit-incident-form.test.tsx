import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import type { ChoosableBuilding } from '@/components/ui/form/equipment-choice';
import { EditIncidentForm } from '@/features/incidents/components/edit-incident-form';
import { INCIDENT } from '@/features/incidents/components/incident-fixture';
import { incidentsTranslations } from '@/features/incidents/locales';
import type { Incident } from '@/features/incidents/types';
import { ApiError } from '@/lib/api-client';
import { loadNamespaces } from '@/lib/i18n-namespaces';
import { consoleTranslations } from '@/locales/console';
import { renderWithProviders } from '@/testing/render';

beforeAll(() => loadNamespaces([consoleTranslations, incidentsTranslations]));

const BUILDINGS: ChoosableBuilding[] = [
  {
    id: 'b-a',
    name: 'Bâtiment A',
    equipment: [
      { id: 'e-1', name: 'Ascenseur A1' },
      { id: 'e-2', name: 'Ascenseur A2' },
    ],
  },
];
const NAMES: Record<string, string> = { 'e-1': 'Ascenseur A1', 'e-2': 'Ascenseur A2' };

// Someone else renamed it and put the second lift out of order while this editor was typing.
const NOW: Incident = {
  ...INCIDENT,
  title: 'Ascenseurs A1 et A2 en panne',
  equipment: [
    { id: 'e-1', name: 'Ascenseur A1', impact: 'major_outage' },
    { id: 'e-2', name: 'Ascenseur A2', impact: 'partial_outage' },
  ],
  version: 4,
};

function editor(save = vi.fn().mockRejectedValue(new ApiError(409, 'version_conflict', 'stale', [], null, { current_version: 4 }))) {
  const readAtLeast = vi.fn().mockResolvedValue(NOW);
  renderWithProviders(
    <EditIncidentForm
      incident={INCIDENT}
      buildings={BUILDINGS}
      equipmentName={(id) => NAMES[id] ?? id}
      save={save}
      readAtLeast={readAtLeast}
      onDone={vi.fn()}
      onCancel={vi.fn()}
    />,
  );
  return { save, readAtLeast };
}

describe('EditIncidentForm', () => {
  it('sends only what changed, from the version it started on', async () => {
    const { save } = editor(vi.fn().mockResolvedValue({ id: 'i-1', version: 4, position: 9 }));
    fireEvent.change(screen.getByLabelText('Message publié'), { target: { value: 'Le technicien arrive à 14 h.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ message: 'Le technicien arrive à 14 h.' }, 3));
  });

  it('on a version conflict, shows the current version and what changed field by field, and saves nothing over it', async () => {
    const { save, readAtLeast } = editor();
    fireEvent.change(screen.getByLabelText('Message publié'), { target: { value: 'Le technicien arrive à 14 h.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));

    const notice = await screen.findByTestId('conflict');
    expect(readAtLeast).toHaveBeenCalledWith(4);
    expect(notice).toHaveTextContent('Vous êtes parti de la version 3 ; l’incident en est maintenant à la version 4.');
    expect(within(screen.getByTestId('conflict-title')).getByText('Titre')).toBeInTheDocument();
    expect(screen.getByTestId('conflict-title')).toHaveTextContent('Avant : Ascenseur A1 en panne');
    expect(screen.getByTestId('conflict-title')).toHaveTextContent('Maintenant : Ascenseurs A1 et A2 en panne');
    const impacts = screen.getByTestId('conflict-impacts');
    expect(impacts).toHaveTextContent('Ascenseur A2');
    expect(impacts).toHaveTextContent('Avant : non concerné');
    expect(impacts).toHaveTextContent('Maintenant : Panne partielle');
    expect(impacts).not.toHaveTextContent('Ascenseur A1');
    expect(screen.queryByTestId('conflict-message')).not.toBeInTheDocument();
    // Nothing is sent again until the editor chooses what to do.
    expect(screen.getByRole('button', { name: 'Enregistrer les modifications' })).toBeDisabled();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('can start again from the current version, or keep the editor’s text on it', async () => {
    editor();
    fireEvent.change(screen.getByLabelText('Message publié'), { target: { value: 'Mon message' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Garder mes modifications, sur la version actuelle' }));
    // Their message stays; the title they did not touch is the one saved meanwhile.
    expect(screen.getByLabelText('Message publié')).toHaveValue('Mon message');
    expect(screen.getByLabelText('Titre')).toHaveValue('Ascenseurs A1 et A2 en panne');
    expect(screen.getByText('Version 4')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Repartir de la version actuelle' }));
    expect(screen.getByLabelText('Titre')).toHaveValue('Ascenseurs A1 et A2 en panne');
    expect(screen.getByLabelText('Message publié')).toHaveValue(INCIDENT.message);
  });
});
