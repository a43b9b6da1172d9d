import { fireEvent, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';

import { TicketMovesPanel } from '@/features/tickets/components/ticket-moves-panel';
import { ticketsTranslations } from '@/features/tickets/locales';
import type { TicketStatus } from '@/features/tickets/types';
import { loadNamespaces } from '@/lib/i18n-namespaces';
import { consoleTranslations } from '@/locales/console';
import { renderWithProviders } from '@/testing/render';

beforeAll(() => loadNamespaces([consoleTranslations, ticketsTranslations]));

// domain/ticket.py MOVES, as a manager reads them.
const OFFERED: Record<TicketStatus, string[]> = {
  analyzing: ['Prendre en charge', 'Clôturer'],
  in_progress: ['Marquer résolu'],
  resolved: ['Clôturer', 'Rouvrir'],
  closed: ['Rouvrir'],
};

function offered(): string[] {
  return within(screen.getByTestId('ticket-moves'))
    .getAllByRole('button')
    .map((button) => button.textContent ?? '');
}

describe('TicketMovesPanel', () => {
  it.each(Object.entries(OFFERED))('offers exactly the moves the rules allow from %s', (status, moves) => {
    renderWithProviders(<TicketMovesPanel ticketId="t-1" status={status as TicketStatus} />);
    expect(offered()).toEqual(moves);
  });

  it('asks for a reason before closing a ticket nobody dealt with', () => {
    renderWithProviders(<TicketMovesPanel ticketId="t-1" status="analyzing" />);
    fireEvent.click(screen.getByRole('button', { name: 'Clôturer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer la clôture' }));
    expect(screen.getByLabelText('Motif')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Ce champ est obligatoire.')).toBeInTheDocument();
  });

  it('lets a resolved ticket be closed without a reason, but never reopened without one', () => {
    renderWithProviders(<TicketMovesPanel ticketId="t-1" status="resolved" />);
    fireEvent.click(screen.getByRole('button', { name: 'Clôturer' }));
    expect(screen.getByText('(facultatif)')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Rouvrir' }));
    expect(screen.queryByText('(facultatif)')).not.toBeInTheDocument();
  });
});
