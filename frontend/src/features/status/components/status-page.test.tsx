import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { StatusPageContainer } from '@/features/status/components/status-page';
import type { StatusPage } from '@/features/status/types';
import { api, ApiError } from '@/lib/api-client';
import { renderWithProviders } from '@/testing/render';

const page: StatusPage = {
  copro: {
    id: 'c-1',
    name: 'Résidence Les Tilleuls',
    slug: 'les-tilleuls',
    address: '12 rue des Tilleuls',
    postal_code: '69003',
    city: 'Lyon',
    country: 'France',
    public_status_page: true,
    archived: false,
    version: 1,
  },
  overall_status: 'operational',
  buildings: [],
  open_incidents: [],
  maintenances: { in_progress: [], planned: [] },
  recent_incidents: [],
  status_rule: 'The worst status among active equipment.',
};

const history = { from: '2026-09-03', to: '2026-12-01', days: 90, time_zone: 'UTC', equipment: [] };

/** A stand-in for the browser's EventSource that the test drives by hand. */
class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = FakeEventSource.CONNECTING;
  constructor(readonly url: string) {
    super();
    FakeEventSource.last = this;
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(type: string, init?: MessageEventInit) {
    this.readyState = type === 'open' ? FakeEventSource.OPEN : this.readyState;
    this.dispatchEvent(new MessageEvent(type, init));
  }
}

function answer(url: string) {
  return Promise.resolve({ data: url.endsWith('/history') ? history : page });
}

describe('StatusPageContainer', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('says the condo cannot be found when the API answers 404', async () => {
    vi.spyOn(api, 'get').mockRejectedValue(new ApiError(404, 'not_found', 'Not found'));

    renderWithProviders(<StatusPageContainer slug="nowhere" signedIn={false} />);

    expect(await screen.findByRole('heading', { name: 'Copropriété introuvable' })).toBeInTheDocument();
  });

  it('shows the condo, its overall status and how that status is computed', async () => {
    const get = vi.spyOn(api, 'get').mockImplementation(answer as typeof api.get);

    renderWithProviders(<StatusPageContainer slug="les-tilleuls" signedIn={false} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Résidence Les Tilleuls' })).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/status/les-tilleuls', expect.anything());
    expect(screen.getByText('12 rue des Tilleuls, 69003 Lyon')).toBeInTheDocument();
    expect(screen.getByTestId('overall-status')).toHaveAttribute('data-status', 'operational');
    expect(screen.getByText('Aucun incident en cours')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Comment le statut est calculé' })).toBeInTheDocument();
    expect(screen.getByText(/Une panne n’est jamais masquée par une maintenance/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Flux Atom des incidents et maintenances' })).toHaveAttribute(
      'href',
      '/api/v1/status/les-tilleuls/feed.atom',
    );
    expect(document.head.querySelector('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
      'href',
      '/api/v1/status/les-tilleuls/feed.atom',
    );
    expect(screen.getByRole('img', { name: 'QR code du formulaire de signalement de Résidence Les Tilleuls' })).toHaveAttribute(
      'src',
      '/api/v1/status/les-tilleuls/qr.svg',
    );
  });

  it('says when live updates drop and come back, and refetches past the announced position', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const get = vi.spyOn(api, 'get').mockImplementation(answer as typeof api.get);
    renderWithProviders(<StatusPageContainer slug="les-tilleuls" signedIn={false} />);
    await screen.findByRole('heading', { level: 1, name: 'Résidence Les Tilleuls' });
    const stream = FakeEventSource.last!;
    expect(stream.url).toBe('/api/v1/status/les-tilleuls/stream');

    act(() => stream.emit('open'));
    expect(screen.getByTestId('live-notice')).toHaveTextContent('Mises à jour en direct');

    act(() => stream.emit('error'));
    expect(screen.getByTestId('live-notice')).toHaveTextContent('Mises à jour en direct interrompues, reconnexion…');
    expect(screen.getByRole('heading', { level: 1, name: 'Résidence Les Tilleuls' })).toBeInTheDocument();

    act(() => stream.emit('open'));
    expect(screen.getByTestId('live-notice')).toHaveTextContent('Mises à jour en direct rétablies');

    get.mockClear();
    await act(async () => stream.emit('page', { data: JSON.stringify({ position: 4242, etag: '"p-4242"' }) }));
    expect(get).toHaveBeenCalledWith('/status/les-tilleuls', expect.objectContaining({ after: 4242 }));
    expect(get).toHaveBeenCalledWith('/status/les-tilleuls/history', expect.objectContaining({ after: 4242 }));
  });
});
