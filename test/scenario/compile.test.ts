import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenario/compile.js';
import { loadScenario } from '../../src/scenario/load.js';
import { presetNames } from '../../src/scenario/presets.js';
import { tinyScenario, loadValue } from '../helpers.js';

/** Every reference in the parameters: what it names, the index it holds, and the length of the list it points into. */
function references(params: ReturnType<typeof compileScenario>): { kind: string; index: number; length: number }[] {
  const into = (kind: string, list: readonly unknown[]) => (index: number) => ({ kind, index, length: list.length });
  const platform = into('platform', params.platforms);
  const product = into('product', params.products);
  const group = into('group', params.groups);
  return [
    ...params.anchors.flatMap((anchor) => [
      platform(anchor.platform),
      ...(anchor.niche === undefined ? [] : [into('niche', params.platforms[anchor.platform]!.niches)(anchor.niche)]),
      ...anchor.groups.map(group),
      ...anchor.broadcasts.flatMap((series) => series.lineup.map((slot) => product(slot.product))),
    ]),
    ...params.stores.flatMap((store) => [platform(store.platform), ...store.products.map((listing) => product(listing.product)), ...store.groups.map(group)]),
    ...params.farmers.flatMap((farmers) => [
      ...farmers.produces.map((production) => product(production.product)),
      ...(farmers.followsAnchors ? [into('followed anchor', params.anchors)(farmers.followsAnchors.anchor)] : []),
    ]),
    ...params.shops.flatMap((shop) => [
      ...(shop.staff ? [into('workers from', params.farmers)(shop.staff.workersFrom)] : []),
      ...(shop.staff?.spinOffs ? [into('spin-off store', params.stores)(shop.staff.spinOffs.store)] : []),
    ]),
    ...params.shocks.flatMap((shock) => [
      ...(shock.platforms ?? []).map(platform),
      ...(shock.products ?? []).map(product),
      ...(shock.anchors ?? []).map(into('shocked anchor', params.anchors)),
    ]),
  ];
}

describe('compileScenario: references become indices, so the model never looks up an id', () => {
  it.each(presetNames())('every reference in %s points into its list', (preset) => {
    for (const reference of references(compileScenario(loadScenario(preset).scenario))) {
      expect(Number.isInteger(reference.index) && reference.index >= 0 && reference.index < reference.length, `${reference.kind} ${reference.index} of ${reference.length}`).toBe(true);
    }
  });

  it('meets every kind of reference somewhere in the presets, so the check above is never empty', () => {
    const kinds = new Set(presetNames().flatMap((preset) => references(compileScenario(loadScenario(preset).scenario)).map((reference) => reference.kind)));
    expect([...kinds].sort()).toEqual(['followed anchor', 'group', 'niche', 'platform', 'product', 'shocked anchor', 'spin-off store', 'workers from'].sort());
  });

  it("names the flow groups platforms first, then each tag where an anchor or a store first uses it, and gives each entity its platform's and tags' groups", () => {
    const value = tinyScenario({
      platforms: [
        { id: 'taobao', feeRate: 0.02, paymentFeeRate: 0.006 },
        { id: 'jd', feeRate: 0.03, paymentFeeRate: 0.006 },
      ],
      anchors: [{ id: 'mei', kind: 'peasant', platform: 'jd', followers: 100, tuneInShare: 0.1, recommendedTraffic: 10, followGain: 0, commission: { rate: 0.1 }, tags: ['county', 'welfare'], broadcasts: [] }],
      stores: [{ id: 'shop', platform: 'taobao', products: [{ product: 'apple', share: 1 }], visitorsPerDay: 10, conversion: 0.01, tags: ['county', 'flagship'] }],
    });
    const params = compileScenario(loadValue(value).scenario);
    expect(params.groups).toEqual(['taobao', 'jd', 'county', 'welfare', 'flagship']);
    expect(params.anchors[0]!.groups).toEqual([1, 2, 3]);
    expect(params.stores[0]!.groups).toEqual([0, 2, 4]);
  });

  it("gives a product sold by a shop the shop's index and its contract price, and one the farmers sell neither", () => {
    const value = tinyScenario({
      products: [
        { id: 'apple', unit: 'box', price: 40, referencePrice: 40, farmGatePrice: 16, processingCost: 2, logistics: { perParcel: 11 }, spoilage: 0.04, claimRate: 0.03, seller: 'orchard-shop' },
        { id: 'pear', unit: 'box', price: 30, referencePrice: 30, farmGatePrice: 12, processingCost: 2, logistics: { perParcel: 11 }, spoilage: 0.04, claimRate: 0.03 },
      ],
      shops: [{ id: 'orchard-shop', contractPrices: { apple: 18 } }],
      farmers: [{ id: 'village', households: 10, persons: 3.5, baselineIncome: 4200, produces: [{ product: 'apple', capacity: 60 }, { product: 'pear', capacity: 40 }] }],
    });
    const [apple, pear] = compileScenario(loadValue(value).scenario).products;
    expect([apple!.shop, apple!.contractPrice]).toEqual([0, 18]);
    expect([pear!.shop, pear!.contractPrice]).toEqual([undefined, undefined]);
  });
});
