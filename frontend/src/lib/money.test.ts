import { describe, expect, it } from 'vitest';

import { eurosForInput, formatEuros, MAX_AMOUNT_CENTS, parseEuros } from '@/lib/money';

describe('parseEuros', () => {
  it.each([
    ['12', 1200],
    ['12,5', 1250],
    ['12.5', 1250],
    ['1234,56', 123456],
    ['1234.56', 123456],
    ['1 234,56', 123456],
    ['1\u202f234,56', 123456],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1.234.567', 123456700],
    ['0,01', 1],
    [',5', 50],
    ['7,', 700],
    ['  42,00 €', 4200],
    ['0,10', 10],
  ])('reads %j as %d cents', (typed, cents) => {
    expect(parseEuros(typed)).toEqual({ cents });
  });

  it('adds tenths and hundredths without a float rounding them', () => {
    expect(parseEuros('0,29')).toEqual({ cents: 29 });
    expect(parseEuros('1,15')).toEqual({ cents: 115 });
    expect(parseEuros('4,35')).toEqual({ cents: 435 });
  });

  it('asks for an amount when nothing is typed', () => {
    expect(parseEuros('   ')).toEqual({ problem: 'required' });
  });

  it('refuses three decimals rather than guessing a thousand', () => {
    expect(parseEuros('1,234')).toEqual({ problem: 'tooManyDecimals' });
    expect(parseEuros('12.345')).toEqual({ problem: 'tooManyDecimals' });
  });

  it.each(['abc', '12a', '1,2,3', '1.2.3', '1,234,5', '1.23,4.5', '.', ','])('refuses %j as not an amount', (typed) => {
    expect(parseEuros(typed)).toEqual({ problem: 'notAnAmount' });
  });

  it('refuses zero and negative amounts, unless zero is allowed (a budget line)', () => {
    expect(parseEuros('0')).toEqual({ problem: 'notPositive' });
    expect(parseEuros('-5')).toEqual({ problem: 'notPositive' });
    expect(parseEuros('0', { allowZero: true })).toEqual({ cents: 0 });
  });

  it('refuses more than one hundred million euros', () => {
    expect(parseEuros('100000000')).toEqual({ cents: MAX_AMOUNT_CENTS });
    expect(parseEuros('100000000,01')).toEqual({ problem: 'tooLarge' });
    expect(parseEuros('99999999999999999999')).toEqual({ problem: 'tooLarge' });
  });
});

describe('formatEuros', () => {
  it('writes euros in the visitor’s language', () => {
    expect(formatEuros(123456, 'fr').replace(/\s/g, ' ')).toBe('1 234,56 €');
    expect(formatEuros(123456, 'en')).toBe('€1,234.56');
    expect(formatEuros(-500, 'en')).toBe('-€5.00');
  });
});

describe('eurosForInput', () => {
  it('gives back what parseEuros reads, in either language', () => {
    for (const cents of [1, 10, 99, 100, 123456, MAX_AMOUNT_CENTS]) {
      for (const language of ['fr', 'en']) {
        expect(parseEuros(eurosForInput(cents, language))).toEqual({ cents });
      }
    }
    expect(eurosForInput(123456, 'fr')).toBe('1234,56');
    expect(eurosForInput(5, 'en')).toBe('0.05');
  });
});
