import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { BuildingSection } from '@/features/status/components/building-section';
import type { Building, Equipment } from '@/features/status/types';

function equipment(overrides: Partial<Equipment> & Pick<Equipment, 'id'>): Equipment {
  return {
    name: 'Ascenseur 1',
    code: 'ASC-A-01',
    category: 'lift',
    location: 'Hall',
    status: 'operational',
    reason: 'manual',
    under_maintenance: false,
    ...overrides,
  };
}

function building(items: Equipment[]): Building {
  const status = items.find((item) => item.status !== 'operational')?.status ?? 'operational';
  return { id: 'b-1', name: 'Bâtiment A', description: '', status, order: 0, equipment: items };
}

describe('BuildingSection', () => {
  it('folds a building whose equipment all works behind an "N équipements opérationnels" toggle', () => {
    const { container } = render(
      <BuildingSection
        building={building([
          equipment({ id: 'e-1' }),
          equipment({ id: 'e-2', name: 'Éclairage hall', code: 'ECL-A-01', category: 'lighting' }),
          equipment({ id: 'e-3', name: 'Portail', code: 'ACC-A-01', category: 'access' }),
        ])}
      />,
    );

    const details = container.querySelector('details');
    expect(details).not.toBeNull();
    expect(details).not.toHaveAttribute('open');
    expect(screen.getByText('3 équipements opérationnels')).toBeInTheDocument();

    fireEvent.click(screen.getByText('3 équipements opérationnels'));
    expect(details).toHaveAttribute('open');
  });

  it('lists every piece of equipment openly when one of them is out of order', () => {
    const { container } = render(
      <BuildingSection
        building={building([
          equipment({ id: 'e-1', status: 'major_outage' }),
          equipment({ id: 'e-2', name: 'Éclairage hall', code: 'ECL-A-01', category: 'lighting' }),
        ])}
      />,
    );

    expect(container.querySelector('details')).toBeNull();
    expect(screen.getByRole('heading', { level: 3, name: 'Bâtiment A' })).toBeInTheDocument();

    const brokenLift = within(screen.getByTestId('equipment-e-1'));
    expect(brokenLift.getByText('Ascenseur 1')).toBeInTheDocument();
    expect(brokenLift.getByText('ASC-A-01')).toBeInTheDocument();
    expect(brokenLift.getByRole('img', { name: 'Ascenseur' })).toBeInTheDocument();
    expect(brokenLift.getByTestId('status-label')).toHaveTextContent('Panne majeure');
    expect(brokenLift.getByTestId('status-label')).toHaveAttribute('data-status', 'major_outage');

    expect(within(screen.getByTestId('equipment-e-2')).getByTestId('status-label')).toHaveTextContent(
      'Opérationnel',
    );
  });
});
