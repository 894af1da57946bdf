/**
 * Laws that hold for any input, checked on many generated ones (fast-check): what is written as
 * CSV reads back the same; a dotted path reads what is there; merging keeps what it should; no
 * table runs past its width; counters add in any grouping; the ledger balances to the fen on any
 * scenario.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTable } from '../src/cli/table.js';
import { parseCsvRows, toCsv } from '../src/experiment/batch/csv.js';
import { COUNTER_NAMES } from '../src/model/observation/metric-catalogue.js';
import { Flows } from '../src/model/money/flows.js';
import { valueAtPath } from '../src/scenario/dotted-path.js';
import { mergeScenarioValues } from '../src/scenario/merge.js';
import { ledgerPartsInFen, simulate, tinyScenario } from './helpers.js';

/** Text as a cell may hold it: any printable characters, quotes, commas, line breaks, formula starts. */
const cellText = fc.string({ unit: fc.constantFrom('a', 'Z', '7', ' ', ',', '"', "'", '\n', '\r', '=', '+', '-', '@', '\t', '¥', '农'), maxLength: 12 });

describe('CSV', () => {
  it('reads back exactly what it wrote, whatever the text (quotes, commas, line breaks, formula-like cells)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cellText, { minLength: 5, maxLength: 5 }), { maxLength: 6 }), (columns, rows) => {
        const header = Array.from({ length: columns }, (_, index) => `c${index}`);
        const cut = rows.map((row) => row.slice(0, columns));
        expect(parseCsvRows(toCsv(header, cut))).toEqual([header, ...cut]);
      }),
    );
  });
});

/** Plain scenario-like values: maps of maps and scalars (no lists, no `kind`). */
const tree: fc.Arbitrary<Record<string, unknown>> = fc.letrec((tie) => ({
  node: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'price', 'skill'), fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string({ maxLength: 3 }), fc.boolean(), tie('node')), { maxKeys: 4 }),
})).node as fc.Arbitrary<Record<string, unknown>>;

/** Every dotted path to a leaf of `value`, with the leaf. */
function leaves(value: unknown, at: string[] = []): [string, unknown][] {
  if (value === null || typeof value !== 'object') return [[at.join('.'), value]];
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length === 0 ? [] : entries.flatMap(([key, child]) => leaves(child, [...at, key]));
}

describe('dotted paths and merging', () => {
  it('a dotted path reads the value at its end', () => {
    fc.assert(
      fc.property(tree, (value) => {
        for (const [path, leaf] of leaves(value)) expect(valueAtPath(value, path)).toEqual(leaf);
      }),
    );
  });

  it('merging over nothing, or nothing over, changes nothing; merging a value over itself gives itself', () => {
    fc.assert(
      fc.property(tree, (value) => {
        expect(mergeScenarioValues(value, {})).toEqual(value);
        expect(mergeScenarioValues({}, value)).toEqual(value);
        expect(mergeScenarioValues(value, value)).toEqual(value);
      }),
    );
  });

  it('what is merged over wins at every leaf it has', () => {
    fc.assert(
      fc.property(tree, tree, (base, over) => {
        const merged = mergeScenarioValues(base, over);
        for (const [path, leaf] of leaves(over)) expect(valueAtPath(merged, path)).toEqual(leaf);
      }),
    );
  });
});

describe('tables', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', 'b', 'x', '1', '9', '.', '-', ' ', '¥', '%'), maxLength: 40 });
  it('never run past their width, whatever the cells and however they may narrow', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.array(cell, { minLength: 7, maxLength: 7 }), { maxLength: 8 }),
        fc.array(fc.string({ unit: fc.constantFrom('a', 'B', 'c', ' ', '.'), minLength: 1, maxLength: 30 }), { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 20, max: 200 }),
        fc.record({ shrink: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), wrap: fc.boolean(), detail: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }), indent: fc.constantFrom('', '  ') }),
        (columns, rows, names, width, layout) => {
          const header = names.slice(0, columns);
          const body = rows.map((row) => row.slice(0, columns));
          const fitted = { ...layout, shrink: layout.shrink === undefined ? undefined : Math.min(layout.shrink, columns - 1), detail: layout.detail !== undefined && layout.detail < columns ? layout.detail : undefined, optional: [columns - 1], width };
          for (const line of formatTable(header, body, fitted)) expect(line.length, line).toBeLessThanOrEqual(width);
        },
      ),
    );
  });
});

describe('counters', () => {
  const flows = fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: COUNTER_NAMES.length, maxLength: COUNTER_NAMES.length }).map((values) => {
    const made = new Flows();
    COUNTER_NAMES.forEach((name, index) => (made[name] = values[index]!));
    return made;
  });
  const sum = (...parts: Flows[]) => {
    const total = new Flows();
    for (const part of parts) total.add(part);
    return total;
  };

  it('add in any grouping and any order (money is whole fen, so exactly)', () => {
    fc.assert(
      fc.property(flows, flows, flows, (a, b, c) => {
        expect(sum(sum(a, b), c)).toEqual(sum(a, sum(b, c)));
        expect(sum(a, b)).toEqual(sum(b, a));
      }),
    );
  });
});

describe('the ledger', () => {
  it('balances to the fen on any scenario: prices, fees, commissions, spoilage and claims drawn at random', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          price: fc.integer({ min: 20, max: 90 }),
          farmGate: fc.integer({ min: 4, max: 19 }),
          fee: fc.double({ min: 0, max: 0.1, noNaN: true }),
          commission: fc.double({ min: 0, max: 0.3, noNaN: true }),
          spoilage: fc.double({ min: 0, max: 0.1, noNaN: true }),
          claims: fc.double({ min: 0, max: 0.1, noNaN: true }),
          welfare: fc.boolean(),
          seed: fc.integer({ min: 1, max: 10_000 }),
        }),
        async (drawn) => {
          const scenario = tinyScenario({
            platforms: [{ id: 'taobao', feeRate: drawn.fee }],
            anchors: [{ id: 'mei', commission: { rate: drawn.commission, welfareRate: drawn.commission / 2 }, broadcasts: [{ id: 'nightly', welfare: drawn.welfare }] }],
            products: [{ id: 'apple', price: drawn.price, referencePrice: drawn.price, farmGatePrice: drawn.farmGate, spoilage: drawn.spoilage, claimRate: drawn.claims }],
          });
          const { summary } = await simulate(scenario, { seed: drawn.seed });
          expect(ledgerPartsInFen(summary.ledger.parts)).toBe(Math.round(summary.ledger.gmv * 100));
        },
      ),
      { numRuns: 15 },
    );
  });
});
