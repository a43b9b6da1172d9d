import { describe, expect, it } from 'vitest';

import { checkInstant, isAggregateId, SLIDER_HOURS, sliderInstant, sliderNewest, sliderPosition } from '@/features/audit/components/instant';

const NOW = new Date('2026-06-15T12:00:00Z');

describe('an instant typed in the date-time control', () => {
  it('is an instant of the past in UTC', () => {
    const checked = checkInstant('2026-06-01T10:30', false, NOW);
    expect(checked.problem).toBeNull();
    expect(checked.iso).toBe(new Date('2026-06-01T10:30').toISOString());
  });

  it('is incomplete when empty, half typed or garbage', () => {
    expect(checkInstant('', false, NOW).problem).toBe('incomplete');
    expect(checkInstant('', true, NOW).problem).toBe('incomplete');
    expect(checkInstant('hier midi', false, NOW).problem).toBe('incomplete');
  });

  it('is refused in the future', () => {
    expect(checkInstant('2027-01-01T00:00', false, NOW).problem).toBe('future');
  });
});

describe('the slider over the last 90 days', () => {
  it('goes from 90 days ago to now, an hour a step', () => {
    expect(sliderInstant(SLIDER_HOURS, NOW)).toBe(NOW.toISOString());
    expect(sliderInstant(0, NOW)).toBe('2026-03-17T12:00:00.000Z');
    expect(sliderInstant(SLIDER_HOURS - 1, NOW)).toBe('2026-06-15T11:00:00.000Z');
  });

  it('places an instant at its nearest hour, within its ends', () => {
    expect(sliderPosition('2026-06-15T10:40:00Z', NOW)).toBe(SLIDER_HOURS - 1);
    expect(sliderPosition('2020-01-01T00:00:00Z', NOW)).toBe(0);
  });
});

describe('an aggregate id', () => {
  it('is a UUID', () => {
    expect(isAggregateId('0b8f4a52-8a8e-4c36-9f0e-2f7b1c8d9e10')).toBe(true);
    expect(isAggregateId('lift-a-1')).toBe(false);
  });
});

describe('the newest end of the slider', () => {
  it('is the current hour, so its steps are whole hours', () => {
    expect(sliderNewest(new Date('2026-06-15T12:34:56Z')).toISOString()).toBe('2026-06-15T12:00:00.000Z');
  });
});
