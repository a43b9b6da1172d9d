import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { AvailabilityStrip } from '@/features/status/components/availability-strip';
import type { HistoryDay } from '@/features/status/types';

const days: HistoryDay[] = [
  { date: '2026-11-28', status: null, minutes_not_operational: 0, incident_ids: [] },
  { date: '2026-11-29', status: 'operational', minutes_not_operational: 0, incident_ids: [] },
  { date: '2026-11-30', status: 'major_outage', minutes_not_operational: 200, incident_ids: ['i-1', 'i-gone'] },
  { date: '2026-12-01', status: 'maintenance', minutes_not_operational: 0, incident_ids: [] },
];
const titles = new Map([['i-1', 'Ascenseur B2 en panne']]);

function renderStrip() {
  render(<AvailabilityStrip equipmentName="Ascenseur B2" days={days} incidentTitles={titles} />);
  const strip = screen.getByRole('list', { name: 'Ascenseur B2 : les 4 derniers jours' });
  return { strip, items: within(strip).getAllByRole('listitem') };
}

describe('AvailabilityStrip', () => {
  it('is one tab stop, on today', () => {
    const { items } = renderStrip();

    expect(items.map((item) => item.tabIndex)).toEqual([-1, -1, -1, 0]);
    expect(items[3]).toHaveAttribute('data-status', 'maintenance');
  });

  it('names each day with its date, worst status, time out of service and incidents', () => {
    const { items } = renderStrip();

    expect(items[2]).toHaveTextContent(
      'lundi 30 novembre 2026 : Panne majeure, hors service 3 h 20 min, 2 incidents : Ascenseur B2 en panne.',
    );
    expect(items[1]).toHaveTextContent('dimanche 29 novembre 2026 : Opérationnel, aucun incident.');
    expect(items[0]).toHaveTextContent('samedi 28 novembre 2026 : pas d’historique.');
  });

  it('moves between days with the arrow keys, Home and End (roving tabindex)', () => {
    const { strip, items } = renderStrip();
    items[3].focus();

    fireEvent.keyDown(strip, { key: 'ArrowLeft' });
    expect(items[2]).toHaveFocus();
    expect(items.map((item) => item.tabIndex)).toEqual([-1, -1, 0, -1]);

    fireEvent.keyDown(strip, { key: 'Home' });
    expect(items[0]).toHaveFocus();
    fireEvent.keyDown(strip, { key: 'ArrowLeft' });
    expect(items[0]).toHaveFocus();

    fireEvent.keyDown(strip, { key: 'End' });
    expect(items[3]).toHaveFocus();
    fireEvent.keyDown(strip, { key: 'ArrowRight' });
    expect(items[3]).toHaveFocus();

    fireEvent.keyDown(strip, { key: 'PageUp' });
    expect(items[0]).toHaveFocus();
  });

  it('shows the focused day in words for sighted visitors, hidden from screen readers who hear it already', () => {
    const { strip, items } = renderStrip();
    expect(screen.queryByTestId('strip-detail')).toBeNull();

    items[3].focus();
    fireEvent.keyDown(strip, { key: 'ArrowLeft' });

    const detail = screen.getByTestId('strip-detail');
    expect(detail).toHaveAttribute('aria-hidden', 'true');
    expect(detail).toHaveTextContent('lundi 30 novembre 2026');
    expect(within(detail).getByTestId('status-label')).toHaveTextContent('Panne majeure');
    expect(detail).toHaveTextContent('2 incidents : Ascenseur B2 en panne');
  });
});
