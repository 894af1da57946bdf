import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenario/compile.js';
import { loadScenario } from '../../src/scenario/load.js';
import { presetNames } from '../../src/scenario/presets.js';
import { tinyScenario, loadValue } from '../helpers.js';

const isIndexInto = (list: readonly unknown[]) => (index: unknown) => Number.isInteger(index) && (index as number) >= 0 && (index as number) < list.length;

describe('compileScenario: references become indices, so the model never looks up an id', () => {
  it.each(presetNames())('every reference in %s points into its list', (preset) => {
    const params = compileScenario(loadScenario(preset).scenario);
    const platform = isIndexInto(params.platforms);
    const product = isIndexInto(params.products);
    const group = isIndexInto(params.groups);
    for (const anchor of params.anchors) {
      expect(anchor.platform).toSatisfy(platform);
      if (anchor.niche !== undefined) expect(anchor.niche).toSatisfy(isIndexInto(params.platforms[anchor.platform]!.niches));
      for (const each of anchor.groups) expect(each).toSatisfy(group);
      for (const slot of anchor.broadcasts.flatMap((series) => series.lineup)) expect(slot.product).toSatisfy(product);
    }
    for (const store of params.stores) {
      expect(store.platform).toSatisfy(platform);
      for (const listing of store.products) expect(listing.product).toSatisfy(product);
      for (const each of store.groups) expect(each).toSatisfy(group);
    }
    for (const farmers of params.farmers) {
      for (const production of farmers.produces) expect(production.product).toSatisfy(product);
      if (farmers.followsAnchors) expect(farmers.followsAnchors.anchor).toSatisfy(isIndexInto(params.anchors));
    }
    for (const shop of params.shops) {
      if (shop.staff) expect(shop.staff.workersFrom).toSatisfy(isIndexInto(params.farmers));
      if (shop.staff?.spinOffs) expect(shop.staff.spinOffs.store).toSatisfy(isIndexInto(params.stores));
    }
    for (const shock of params.shocks) {
      for (const each of shock.platforms ?? []) expect(each).toSatisfy(platform);
      for (const each of shock.products ?? []) expect(each).toSatisfy(product);
      for (const each of shock.anchors ?? []) expect(each).toSatisfy(isIndexInto(params.anchors));
    }
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
