/** Honesty: the presets' parameters sit inside the public priors, and the check can tell when they do not. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPriors, impliedConversion } from '../../src/experiment/evidence/priors.js';
import { PRIORS } from '../../src/experiment/evidence/prior-table.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { loadScenario } from '../../src/scenario/load.js';
import { presetNames } from '../../src/scenario/presets.js';
import { loadValue, tinyScenario } from '../helpers.js';

describe('the priors', () => {
  it.each(presetNames())('hold for every parameter of preset %s (free bounds included)', (name) => {
    expect(checkPriors(loadScenario(name).scenario)).toEqual([]);
  });

  it.each(presetNames().filter((name) => loadScenario(name).scenario.targets.length > 0))('preset %s declares free parameters with known priors', (name) => {
    const { free } = loadScenario(name).scenario.calibration;
    expect(free.length).toBeGreaterThan(0);
    for (const parameter of free) expect(Object.keys(PRIORS)).toContain(parameter.prior);
  });

  it('catch a price, a commission, a fee, a conversion and adoption rates outside them', () => {
    const value = tinyScenario({
      platforms: [{ id: 'taobao', feeRate: 0.08 }],
      products: [{ id: 'apple', category: 'apple', unitWeightJin: 5, price: 120, referencePrice: 40, farmGatePrice: 16, logistics: { perParcel: 25 }, spoilage: 0.5, claimRate: 0.3 }],
      anchors: [{ id: 'mei', kind: 'celebrity', commission: { rate: 0.5 } }],
      stores: [{ id: 'shop', platform: 'taobao', products: [{ product: 'apple' }], visitorsPerDay: 10, conversion: 0.3, population: { initial: 1, potential: 10, innovation: 0.2, imitation: 0.9 } }],
    });
    const paths = checkPriors(loadValue(value).scenario).map((violation) => violation.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'platforms.0.feeRate',
        'products.0.price',
        'products.0.logistics.perParcel',
        'products.0.spoilage',
        'products.0.claimRate',
        'anchors.0.commission.rate',
        'stores.0.conversion',
        'stores.0.population.innovation',
        'stores.0.population.imitation',
      ]),
    );
  });

  it('catch free-parameter bounds that reach outside the prior, and unknown priors', () => {
    const value = tinyScenario({
      calibration: { free: [{ path: 'behaviour.purchaseRate', min: 0.0001, max: 0.05, prior: 'conversion' }, { path: 'anchors.mei.skill', min: 0.5, max: 2, prior: 'charisma' }] },
    });
    const messages = checkPriors(loadValue(value).scenario).map((violation) => violation.message);
    expect(messages.some((message) => message.includes('at its lower bound'))).toBe(true);
    expect(messages.some((message) => message.includes('at its upper bound'))).toBe(true);
    expect(messages.some((message) => message.includes('unknown prior `charisma`'))).toBe(true);
  });

  it('accept a deviation that the scenario explains', () => {
    const value = tinyScenario({ platforms: [{ id: 'taobao', feeRate: 0.08 }], priorExceptions: [{ path: 'platforms.0.feeRate', why: 'a hypothetical fee hike' }] });
    expect(checkPriors(loadValue(value).scenario).map((violation) => violation.path)).not.toContain('platforms.0.feeRate');
  });

  it('map a purchase hazard to the conversion it implies', () => {
    // Exponential dwell of 6 minutes: P(buy) = h m / (1 + h m).
    const { scenario } = loadValue(tinyScenario());
    expect(impliedConversion(scenario, 0.004)).toBeCloseTo(0.024 / 1.024, 3);
  });
});

describe('no target is written into the code', () => {
  /** Every numeric literal in src/, with its value. */
  function literals(): { file: string; value: number }[] {
    const found: { file: string; value: number }[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name)) {
          const text = readFileSync(full, 'utf8');
          for (const match of text.matchAll(/(?<![\w.])\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?/gi)) found.push({ file: full, value: Number(match[0].replace(/_/g, '')) });
        }
      }
    };
    walk(path.join(PACKAGE_ROOT, 'src'));
    return found;
  }

  // Powers of ten are left out: they are also the code's unit thresholds and limits (a
  // "ten million yuan" target meets 1e7 in the number formats and the resource guard).
  const powerOfTen = (figure: number) => Number.isInteger(Math.log10(Math.abs(figure)));

  it('no target figure of any preset (10,000 and up, not a power of ten) appears as a constant in src/', () => {
    const figures = new Set<number>();
    for (const name of presetNames()) {
      for (const target of loadScenario(name).scenario.targets) {
        for (const figure of [target.expected, ...(target.range ?? [])]) {
          if (figure !== undefined && Math.abs(figure) >= 10_000 && !powerOfTen(figure)) figures.add(figure);
        }
      }
    }
    expect(figures.size).toBeGreaterThan(3);
    const offending = literals().filter((literal) => figures.has(literal.value));
    expect(offending).toEqual([]);
  });
});
