/** Why a comparison changed nothing, read off the scenario's structure. */
import { describe, expect, it } from 'vitest';
import { changedFields, explainNoEffect } from '../../src/experiment/analysis/no-effect.js';
import { loadValue, tinyScenario } from '../helpers.js';

/** The tiny scenario with Mei's nightly broadcasts as public-welfare ones, and B with `overrides`. */
const pair = (overrides: string[], welfare = true) => {
  const base = tinyScenario({ anchors: [{ id: 'mei', broadcasts: [{ id: 'nightly', welfare }] }] });
  return [loadValue(base).scenario, loadValue(base, overrides).scenario] as const;
};

describe('why a change changed nothing', () => {
  it('a platform fee when every sale there is a welfare sale with the fee waived', () => {
    const [a, b] = pair(['platforms.taobao.feeRate=0.05']);
    expect(explainNoEffect(a, b)).toEqual([expect.stringMatching(/^platforms\.taobao\.feeRate: every sale on taobao is a public-welfare sale.*applies to no sale$/)]);
  });

  it('a commercial commission of an anchor who only runs welfare broadcasts, and a welfare one of an anchor who runs none', () => {
    const [a, b] = pair(['anchors.mei.commission.rate=0.3']);
    expect(explainNoEffect(a, b)[0]).toContain("every one of mei's is a public-welfare broadcast");
    const [c, d] = pair(['anchors.mei.commission.welfareRate=0.3'], false);
    expect(explainNoEffect(c, d)[0]).toContain('mei runs none');
  });

  it('a product no lineup shows and no store lists', () => {
    const base = tinyScenario({
      products: [{ id: 'pear', unit: 'box', price: 30, referencePrice: 30, farmGatePrice: 10, processingCost: 1, logistics: { perParcel: 11 }, spoilage: 0.02, claimRate: 0.01 }],
      farmers: [{ id: 'orchard', households: 5, persons: 3, baselineIncome: 4000, produces: [{ product: 'pear', capacity: 10 }] }],
    });
    const [a, b] = [loadValue(base).scenario, loadValue(base, ['products.pear.price=35']).scenario];
    expect(explainNoEffect(a, b)).toEqual(["products.pear.price: pear is sold nowhere: no broadcast's lineup shows it and no store lists it"]);
  });

  it('a parameter of a mechanism switched off: social proof at strength 0, breakouts that never happen', () => {
    const without = tinyScenario({ behaviour: { socialProof: { strength: 0 } } });
    const [a, b] = [loadValue(without).scenario, loadValue(without, ['behaviour.socialProof.halfSaturation=40']).scenario];
    expect(explainNoEffect(a, b)).toEqual(['behaviour.socialProof.halfSaturation: social proof is switched off here (behaviour.socialProof.strength is 0)']);
    const never = tinyScenario({ anchors: [{ id: 'mei', broadcasts: [{ id: 'nightly', audience: { breakout: { chance: 0, multiplier: 5 } } }] }] });
    const [c, d] = [loadValue(never).scenario, loadValue(never, ['anchors.mei.broadcasts.nightly.audience.breakout.multiplier=20']).scenario];
    expect(explainNoEffect(c, d)).toEqual(["anchors.mei.broadcasts.nightly.audience.breakout.multiplier: breakouts never happen in mei's nightly broadcasts (their chance is 0)"]);
  });

  it('a scenario seed, which compare replaces with its own replicate seeds', () => {
    const [a, b] = pair(['seed=99']);
    expect(explainNoEffect(a, b)[0]).toMatch(/^seed: compare runs both sides on the same replicate seeds/);
  });

  it('says nothing of a change that can reach a sale', () => {
    const [a, b] = pair(['products.apple.price=45']);
    expect(changedFields(a, b)).toEqual([['products', 'apple', 'price']]);
    expect(explainNoEffect(a, b)).toEqual([]);
  });
});
