import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { priorFields } from '../../src/experiment/evidence/prior-walk.js';
import { PRIORS } from '../../src/experiment/evidence/prior-table.js';
import { priorRules } from '../../src/scenario/prior-rules.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { loadValue, tinyScenario } from '../helpers.js';

/** Every prior rule attached anywhere in the schema. */
function attachedRules(schema: z.core.$ZodType, seen = new Set<z.core.$ZodType>()): unknown[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown>;
  const children = [def.innerType, def.element, ...Object.values((def.shape as object | undefined) ?? {}), ...((def.options as unknown[] | undefined) ?? [])].filter(Boolean) as z.core.$ZodType[];
  return [...(priorRules.get(schema as z.ZodType)?.rules ?? []), ...children.flatMap((child) => attachedRules(child, seen))];
}

describe('the prior walk: the schema says which prior bounds a field, and the walk finds every such field', () => {
  it('names only priors the table has', () => {
    const named = attachedRules(scenarioSchema).flatMap((rule) => ((rule as { kind: string }).kind === 'named' ? [(rule as { prior: string }).prior] : []));
    expect(named.length).toBeGreaterThan(15);
    for (const prior of named) expect(Object.keys(PRIORS)).toContain(prior);
  });

  it('spells each field by id (as --set does) and by position (as validation messages do)', () => {
    const fields = priorFields(loadValue(tinyScenario()).scenario);
    expect(fields.find((field) => field.idPath === 'platforms.taobao.feeRate')).toMatchObject({ indexPath: 'platforms.0.feeRate', value: 0.02, prior: 'platform.fee', varied: true });
    expect(fields.find((field) => field.idPath === 'products.apple.claimRate')).toMatchObject({ indexPath: 'products.0.claimRate', value: 0.03, prior: 'claimRate' });
  });

  it('applies a rule only where its condition holds: a commercial commission for celebrities, cold chain when shipped cold, adoption rates above zero', () => {
    const paths = (value: Record<string, unknown>) => priorFields(loadValue(tinyScenario(value)).scenario).map((field) => field.idPath);
    expect(paths({})).not.toContain('anchors.mei.commission.rate');
    expect(paths({ anchors: [{ id: 'mei', kind: 'celebrity' }] })).toContain('anchors.mei.commission.rate');
    expect(paths({})).not.toContain('products.apple.logistics.coldChainMarkup');
    expect(paths({ products: [{ id: 'apple', logistics: { coldChain: true } }] })).toContain('products.apple.logistics.coldChainMarkup');
    const store = { id: 'shop', platform: 'taobao', products: [{ product: 'apple' }], visitorsPerDay: 10, conversion: 0.01 };
    expect(paths({ stores: [{ ...store, population: { initial: 1, potential: 5, innovation: 0.01, imitation: 0 } }] })).toEqual(
      expect.arrayContaining(['stores.shop.conversion', 'stores.shop.population.innovation']),
    );
    expect(paths({ stores: [{ ...store, population: { initial: 1, potential: 5, innovation: 0.01, imitation: 0 } }] })).not.toContain('stores.shop.population.imitation');
  });

  it('checks prices per jin against the category, and spoilage against fresh or dry produce', () => {
    const value = tinyScenario({ products: [{ id: 'apple', category: 'apple', unitWeightJin: 5 }] });
    const fields = priorFields(loadValue(value).scenario);
    const at = (idPath: string) => fields.filter((field) => field.idPath === idPath);
    expect(at('products.apple.price')).toEqual([expect.objectContaining({ value: 8, prior: [6, 10], varied: false })]);
    expect(at('products.apple.referencePrice')).toEqual([expect.objectContaining({ value: 8, prior: [6, 10], scale: 5, varied: true })]);
    expect(at('products.apple.farmGatePrice')).toEqual([expect.objectContaining({ value: 16 / 5, prior: [3.0, 3.3], scale: 5 })]);
    expect(at('products.apple.spoilage')).toEqual([expect.objectContaining({ prior: 'spoilage.fresh' })]);
  });
});
