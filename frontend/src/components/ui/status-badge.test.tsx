import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { StatusBadge } from '@/components/ui/status-badge';
import { changeLanguage } from '@/lib/i18n';
import { EQUIPMENT_STATUSES, type EquipmentStatus } from '@/types/equipment-status';

const FRENCH_LABELS: Record<EquipmentStatus, string> = {
  operational: 'Opérationnel',
  maintenance: 'Maintenance',
  degraded: 'Dégradé',
  partial_outage: 'Panne partielle',
  major_outage: 'Panne majeure',
};

const ENGLISH_LABELS: Record<EquipmentStatus, string> = {
  operational: 'Operational',
  maintenance: 'Under maintenance',
  degraded: 'Degraded',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};

describe('StatusBadge', () => {
  it.each(EQUIPMENT_STATUSES)('names the %s status in words, in French by default', (status) => {
    render(<StatusBadge status={status} />);

    const label = screen.getByTestId('status-label');
    expect(label).toHaveTextContent(FRENCH_LABELS[status]);
    expect(label).toHaveAttribute('data-status', status);
  });

  it('speaks English once the visitor switches language', async () => {
    await act(() => changeLanguage('en'));

    render(
      <>
        {EQUIPMENT_STATUSES.map((status) => (
          <StatusBadge key={status} status={status} />
        ))}
      </>,
    );

    const labels = screen.getAllByTestId('status-label').map((label) => label.textContent);
    expect(labels).toEqual(EQUIPMENT_STATUSES.map((status) => ENGLISH_LABELS[status]));
  });

  it('draws every status with its own shape, so colour is never the only cue', () => {
    const { container } = render(
      <>
        {EQUIPMENT_STATUSES.map((status) => (
          <StatusBadge key={status} status={status} />
        ))}
      </>,
    );

    const shapes = [...container.querySelectorAll('svg')].map((svg) => svg.dataset.shape);
    expect(new Set(shapes).size).toBe(EQUIPMENT_STATUSES.length);
  });
});
