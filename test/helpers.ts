/** Small scenarios for tests, written the way users write them. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadScenarioText, type LoadedScenario } from '../src/scenario/load.js';
import { mergeScenarioValues } from '../src/scenario/merge.js';

/** A one-anchor, one-product county that runs in milliseconds. */
export function tinyScenario(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base = {
    name: 'tiny',
    start: '2020-03-02',
    end: '2020-03-05',
    seed: 3,
    fidelity: 'agent',
    behaviour: {
      dwell: { kind: 'exponential', mean: '6m' },
      purchaseRate: 0.004,
      priceElasticity: 1,
      socialProof: { strength: 0.3, halfSaturation: 10, window: '10m' },
      unitsPerOrder: { kind: 'shifted-poisson', mean: 1.4 },
    },
    platforms: [{ id: 'taobao', feeRate: 0.02, paymentFeeRate: 0.006, welfare: { feeWaiver: true, trafficBoost: 1.5 } }],
    anchors: [
      {
        id: 'mei',
        kind: 'peasant',
        platform: 'taobao',
        followers: 2000,
        tuneInShare: 0.1,
        recommendedTraffic: 300,
        followGain: 0.02,
        commission: { rate: 0.1, slotFee: 50, welfareRate: 0.02 },
        broadcasts: [
          {
            id: 'nightly',
            schedule: { kind: 'cadence', every: '1d', at: '20:00' },
            duration: '90m',
            lineup: [{ product: 'apple', slot: '30m' }],
            audience: { rampUp: '10m', halfLife: '60m', variability: 0.2 },
          },
        ],
      },
    ],
    products: [
      {
        id: 'apple',
        unit: '5-jin box',
        price: 40,
        referencePrice: 40,
        farmGatePrice: 16,
        processingCost: 2,
        logistics: { perParcel: 11 },
        spoilage: 0.04,
        claimRate: 0.03,
      },
    ],
    farmers: [{ id: 'village', households: 30, persons: 3.5, baselineIncome: { median: 4200, sigma: 0.3 }, produces: [{ product: 'apple', capacity: { median: 60, sigma: 0.4 } }] }],
  };
  return mergeScenarioValues(base, overrides) as Record<string, unknown>;
}

export function loadValue(value: unknown, overrides: string[] = []): LoadedScenario {
  return loadScenarioText(JSON.stringify(value), { overrides, label: '<test>' });
}

/** A fresh temporary directory. */
export function temporaryDirectory(): string {
  return mkdtempSync(path.join(tmpdir(), 'livesim-test-'));
}

/** Writes files (YAML for objects, text as is) into a fresh directory; returns it. */
export function writeFiles(files: Record<string, unknown>): string {
  const dir = temporaryDirectory();
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : stringify(content));
  }
  return dir;
}

/** tinyScenario from 1 March 2020 in cohort fidelity, with a store beside the anchor and stock to spare (three weeks unless `overrides` say). */
export function storeCounty(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return tinyScenario({
    start: '2020-03-01',
    end: '2020-03-21',
    fidelity: 'cohort',
    farmers: [{ id: 'village', households: 30, produces: [{ product: 'apple', capacity: 1_000_000 }] }],
    stores: [{ id: 'shop', platform: 'taobao', products: [{ product: 'apple' }], visitorsPerDay: 2000, conversion: 0.03 }],
    ...overrides,
  });
}

/** Runs a scenario value to its end; returns the run's summary and raw result. */
export async function simulate(value: unknown, options: { seed?: number; overrides?: string[] } = {}) {
  const { ScenarioRun } = await import('../src/experiment/run/single-run.js');
  const loaded = loadValue(value, options.overrides);
  const run = new ScenarioRun(loaded, options.seed ?? loaded.scenario.seed);
  return run.run();
}

/** Sum of the ledger's parts in fen (exact integers, unlike summing yuan floats). */
export function ledgerPartsInFen(parts: Readonly<Record<string, number>>): number {
  return Object.values(parts).reduce((sum, yuan) => sum + Math.round(yuan * 100), 0);
}
