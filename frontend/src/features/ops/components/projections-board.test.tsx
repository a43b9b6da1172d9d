import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';

import { ProjectionsBoard } from '@/features/ops/components/projections-board';
import { opsTranslations } from '@/features/ops/locales';
import type { Projections, ProjectionStatus } from '@/features/ops/types';
import { loadNamespaces } from '@/lib/i18n-namespaces';
import { consoleTranslations } from '@/locales/console';
import { renderWithProviders } from '@/testing/render';

beforeAll(() => loadNamespaces([consoleTranslations, opsTranslations]));

const RUNNING: ProjectionStatus = {
  name: 'tickets',
  version: 2,
  position: 802,
  lag: 0,
  state: 'running',
  error: null,
  error_position: null,
  rebuild: null,
  events_per_second: 53.84,
  owner: 'vm:2410',
  updated_at: '2026-12-02T00:00:00Z',
};

function board(items: ProjectionStatus[]): Projections {
  return { items, total: items.length, head: 802 };
}

describe('the operators’ board', () => {
  it('shows a projection being rebuilt with a labelled progress bar, said politely, and no second rebuild', () => {
    const rebuilding: ProjectionStatus = {
      ...RUNNING,
      name: 'status_page',
      version: 4,
      rebuild: { version: 5, position: 337, started_at: '2026-12-02T00:00:00Z', progress: 0.42 },
    };
    renderWithProviders(<ProjectionsBoard projections={board([RUNNING, rebuilding])} />);
    const card = screen.getByTestId('projection-status_page');
    const bar = within(card).getByRole('progressbar', { name: 'Reconstruction de status_page (version 5)' });
    expect(bar).toHaveAttribute('value', '0.42');
    expect(within(card).getByRole('status')).toHaveTextContent(/Reconstruction : 42\s%\s\(position 337\)/);
    expect(within(card).getByRole('button', { name: 'Reconstruire status_page' })).toBeDisabled();
    const other = screen.getByTestId('projection-tickets');
    expect(within(other).queryByRole('progressbar')).toBeNull();
    expect(within(other).getByRole('button', { name: 'Reconstruire tickets' })).toBeEnabled();
  });

  it('names each projection’s state in words and offers to resume a paused or failed one', () => {
    const failed: ProjectionStatus = { ...RUNNING, name: 'ledger', state: 'failed', error: 'boom', error_position: 77 };
    renderWithProviders(<ProjectionsBoard projections={board([failed])} />);
    const card = screen.getByTestId('projection-ledger');
    expect(within(card).getByText('En échec')).toBeInTheDocument();
    expect(within(card).getByText('boom (position 77)')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Reprendre ledger' })).toBeEnabled();
    expect(within(card).queryByRole('button', { name: 'Mettre ledger en pause' })).toBeNull();
  });
});
