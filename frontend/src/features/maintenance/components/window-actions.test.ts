import { describe, expect, it } from 'vitest';

import { actionsFor } from '@/features/maintenance/components/window-actions';
import type { MaintenanceState } from '@/features/maintenance/types';

// domain/maintenance.py ALLOWED_FROM.
const OFFERED: Record<MaintenanceState, string[]> = {
  scheduled: ['edit', 'start', 'extend', 'cancel'],
  in_progress: ['extend', 'complete', 'cancel'],
  completed: [],
  cancelled: [],
};

describe('actionsFor', () => {
  it.each(Object.entries(OFFERED))('offers a %s window exactly the commands the rules allow', (state, actions) => {
    expect(actionsFor(state as MaintenanceState)).toEqual(actions);
  });
});
