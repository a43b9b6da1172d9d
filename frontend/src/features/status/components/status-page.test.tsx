import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { StatusPageContainer } from '@/features/status/components/status-page';
import type { StatusPage } from '@/features/status/types';
import { api, ApiError } from '@/lib/api-client';

describe('StatusPageContainer', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('says the condo cannot be found when the API answers 404', async () => {
    vi.spyOn(api, 'get').mockRejectedValue(new ApiError(404, 'copro_not_found', 'Not found'));

    render(
      <MemoryRouter>
        <StatusPageContainer slug="nowhere" />
      </MemoryRouter>,
    );

    expect(await screen.findByRole('heading', { name: 'Copropriété introuvable' })).toBeInTheDocument();
  });

  it('shows the condo, its overall status and how that status is computed', async () => {
    const page: StatusPage = {
      copro: {
        id: 'c-1',
        name: 'Résidence Les Tilleuls',
        slug: 'les-tilleuls',
        address: '12 rue des Tilleuls',
        postal_code: '69003',
        city: 'Lyon',
        country: 'France',
      },
      overall_status: 'operational',
      buildings: [],
      open_incidents: [],
      maintenances: { in_progress: [], planned: [] },
      recent_incidents: [],
      status_rule: 'Le pire statut parmi les équipements actifs.',
    };
    const get = vi.spyOn(api, 'get').mockResolvedValue({ data: page });

    render(
      <MemoryRouter>
        <StatusPageContainer slug="les-tilleuls" />
      </MemoryRouter>,
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Résidence Les Tilleuls' })).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/status/les-tilleuls', expect.anything());
    expect(screen.getByText('12 rue des Tilleuls, 69003 Lyon')).toBeInTheDocument();
    expect(screen.getByTestId('overall-status')).toHaveAttribute('data-status', 'operational');
    expect(screen.getByText('Aucun incident en cours')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Comment le statut est calculé' })).toBeInTheDocument();
    expect(screen.getByText(/Une panne n’est jamais masquée par une maintenance/)).toBeInTheDocument();
  });
});
