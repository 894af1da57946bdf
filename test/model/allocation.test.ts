import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateUnits, apportion } from '../../src/model/supply/allocation.js';
import { Flows } from '../../src/model/money/flows.js';

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((total, value) => total + value, 0);

describe('apportion', () => {
  it('splits an integer total in proportion, summing exactly', () => {
    // Cumulative rounding: shares are floor(running total) differences.
    expect(Array.from(apportion(10, [1, 1, 1]))).toEqual([3, 3, 4]);
    expect(Array.from(apportion(-10, [1, 1, 1]))).toEqual([-3, -3, -4]);
    expect(Array.from(apportion(7, [0, 2, 5]))).toEqual([0, 2, 5]);
  });

  it('never creates or loses a fen, whatever the weights', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 50 }), (total, weights) => {
        const shares = apportion(total, weights);
        expect(sum(shares)).toBe(total);
        for (const share of shares) expect(Number.isInteger(share)).toBe(true);
      }),
    );
  });

  it('gives each weight its exact share within one fen, when some weight is positive', () => {
    const weighted = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 50 }).filter((weights) => sum(weights) > 0);
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), weighted, (total, weights) => {
        const shares = apportion(total, weights);
        shares.forEach((share, index) => expect(Math.abs(share - (total * weights[index]!) / sum(weights))).toBeLessThan(1 + 1e-6));
      }),
    );
  });
});

describe('allocateUnits', () => {
  const remaining = Float64Array.from([10, 0, 30, 60]);
  const poverty = Float64Array.from([5000, 3000, 2500, 3900]);

  it('proportional: shares follow remaining capacity', () => {
    expect(Array.from(allocateUnits('proportional', 50, remaining, poverty))).toEqual([5, 0, 15, 30]);
  });

  it('equal: equal shares, capped by what each household has left', () => {
    expect(Array.from(allocateUnits('equal', 60, remaining, poverty))).toEqual([10, 0, 25, 25]);
  });

  it('poorest-first: the household with the lowest baseline income sells first', () => {
    expect(Array.from(allocateUnits('poorest-first', 50, remaining, poverty))).toEqual([0, 0, 30, 20]);
  });

  it.each(['proportional', 'equal', 'poorest-first'] as const)('%s: allocates every unit, never beyond capacity', (rule) => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (capacities, fraction) => {
        const left = Float64Array.from(capacities);
        const units = Math.floor(sum(left) * fraction);
        const incomes = Float64Array.from(capacities, (_, index) => 3000 + ((index * 7919) % 2000));
        const shares = allocateUnits(rule, units, left, incomes);
        expect(sum(shares)).toBe(units);
        shares.forEach((share, index) => {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(left[index]!);
          expect(Number.isInteger(share)).toBe(true);
        });
      }),
    );
  });
});

describe('trailing-year household income', () => {
  it('is the baseline plus the last 12 months of gain, however many months have passed', async () => {
    const { HouseholdTable } = await import('../../src/model/supply/households.js');
    const table = new HouseholdTable(1);
    table.persons[0] = 2;
    table.baselinePerPerson[0] = 3000;
    const months: number[] = [];
    for (let month = 0; month < 30; month++) {
      const fen = (month + 1) * 1000;
      table.creditWages(0, fen, new Flows());
      months.push(fen);
      // Before closing: the open month and the 11 before it.
      const trailing = months.slice(-12).reduce((total, value) => total + value, 0);
      expect(table.incomePerPerson(0)).toBeCloseTo(3000 + trailing / 100 / 2, 6);
      table.closeMonth();
    }
  });
});
