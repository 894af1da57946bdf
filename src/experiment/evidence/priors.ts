/**
 * The public priors that bound livesim's parameters (docs/sources.md, "Priors"), as
 * data, and a check of a scenario against them: every free parameter's bounds must sit inside
 * its prior, and fixed parameters (prices, commissions, fees, logistics, spoilage, claims,
 * conversion, adoption rates) must too, unless the scenario lists the exception with a reason.
 * Ranges marked `assumption` have no public source; they are livesim's stated assumptions.
 */
import { dwellDistribution } from '../../model/demand/audience.js';
import { compileScenario } from '../../scenario/compile.js';
import { valueAtPath } from '../../scenario/dotted-path.js';
import type { Product, Scenario } from '../../scenario/schema.js';

export interface Prior {
  readonly low: number;
  readonly high: number;
  readonly what: string;
  readonly source: string;
  readonly confidence: 'H' | 'M' | 'L' | 'assumption';
}

export const PRIORS = {
  conversion: { low: 0.005, high: 0.05, what: 'viewer-to-buyer conversion', source: 'trade press and company figures, centre 1-2%', confidence: 'L' },
  'commission.commercial': { low: 0.15, high: 0.3, what: 'anchor commission, commercial broadcasts', source: 'press reports of 2020 deals', confidence: 'M' },
  'commission.welfare': { low: 0, high: 0.1, what: 'anchor commission, public-welfare broadcasts', source: 'press reports', confidence: 'M' },
  'platform.fee': { low: 0, high: 0.02, what: 'platform fee rate', source: 'Taobao C-shops none, Tmall food ~2%', confidence: 'L' },
  'platform.payment': { low: 0, high: 0.01, what: 'payment fee rate', source: 'Alipay ~0.6%', confidence: 'L' },
  'logistics.parcel': { low: 10.5, high: 13.4, what: 'express cost per parcel, yuan', source: 'State Post Bureau 2015-2016; industry 2019-2020', confidence: 'H' },
  'logistics.coldChainMarkup': { low: 0.4, high: 0.6, what: 'cold chain extra cost', source: 'industry estimates', confidence: 'L' },
  'spoilage.fresh': { low: 0, high: 0.35, what: 'share of fresh fruit and vegetables lost in distribution', source: 'academic estimates 20-35% in long chains', confidence: 'M' },
  'spoilage.dry': { low: 0, high: 0.05, what: 'share of dry or processed goods lost in transit', source: 'assumption: far below fresh produce', confidence: 'assumption' },
  claimRate: { low: 0, high: 0.1, what: 'defect or compensation claims, perishable food', source: 'trade reports: a few percent to ~10%', confidence: 'L' },
  'bass.p': { low: 0.003, high: 0.03, what: 'Bass innovation rate p (per year)', source: 'generic diffusion priors', confidence: 'L' },
  'bass.q': { low: 0.3, high: 0.5, what: 'Bass imitation rate q (per year)', source: 'generic diffusion priors', confidence: 'L' },
  'povertyLine': { low: 2300, high: 4000, what: 'poverty line, yuan per person per year (2010 and 2020 prices)', source: 'National Bureau of Statistics', confidence: 'H' },
  'smallAnchor.broadcastsPerDay': { low: 0.1, high: 1, what: 'broadcasts a day by a small anchor', source: '"about 2-3 h, often daily"', confidence: 'M' },
  'staff.ordersPerWorkerMonth': { low: 100, high: 1500, what: 'orders one worker handles a month (packing, sorting, customer service)', source: 'assumption', confidence: 'assumption' },
  'market.visitsPerShopper': { low: 0.02, high: 2, what: "visits a platform's shopper pays farm-product stores and broadcasts a day", source: 'assumption: no public figure', confidence: 'assumption' },
  'market.visitsGrowthHalfLife': { low: 1, high: 20, what: 'years over which the growth of farm-product visits halves', source: 'assumption: MOFCOM\'s yearly growth of farm online retail slowed from +53% (2017) to +27% (2019)', confidence: 'assumption' },
  'market.visitsGrowthPerYear': { low: 0, high: 0.3, what: "yearly growth of the visits a shopper pays farm products", source: 'assumption: no public series', confidence: 'assumption' },
  'store.visitorsPerDay': { low: 10, high: 50000, what: 'visitors a day to one farm-product store from search and feeds', source: 'assumption: no public traffic figure for a single shop', confidence: 'assumption' },
  'staff.spinOffsPerWorkerYear': { low: 0, high: 0.3, what: 'yearly rate at which a worker opens a shop', source: 'assumption', confidence: 'assumption' },
  'offline.demandElasticity': { low: 0.3, high: 0.9, what: 'price elasticity of demand for farm produce (absolute)', source: 'RFF 2020 (food ~0.5); rural Gansu ELES (fruit 0.44); AIDS studies', confidence: 'M' },
  'offline.marketShare': { low: 0.01, high: 1, what: "a county's share of the supply of the market it sells into", source: 'county output 1-4% of national (Yichuan apples 1.2%); 1 for a whole market', confidence: 'L' },
  'offline.floorShare': { low: 0.05, high: 0.3, what: 'share of the farm-gate price below which picking and hauling do not pay', source: 'picking 0.1-0.2 yuan/jin; fruit left unpicked at 15-25% of a normal price', confidence: 'L' },
  'pricing.passThrough': { low: 0.2, high: 1, what: 'share of a change in selling costs a seller passes on to its price', source: 'Richards, Allender & Pofahl (AAEA 2010): higher for less processed food; Nakamura & Zerom (NBER w15255): incomplete', confidence: 'L' },
  'offline.diversion': { low: 0, high: 0.95, what: 'share of online farm-produce buying that replaces offline buying of the same produce', source: 'assumption: no public figure', confidence: 'assumption' },
} as const satisfies Record<string, Prior>;

type PriorId = keyof typeof PRIORS;

/** Retail and farm-gate prices per jin by category, where the shared calibration notes have them (docs/sources.md). */
const PRICE_PRIORS: Partial<Record<Product['category'], { retail: [number, number]; farmGate: [number, number] }>> = {
  'navel-orange': { retail: [5, 10], farmGate: [2.8, 3.0] },
  apple: { retail: [6, 10], farmGate: [3.0, 3.3] },
  millet: { retail: [6, 20], farmGate: [5.5, 7] },
  'black-fungus': { retail: [50, 100], farmGate: [25, 31] },
  'fresh-shiitake': { retail: [10, 15], farmGate: [4.5, 5.5] },
  honey: { retail: [30, 150], farmGate: [0, 10] },
};

/** The farm-gate share of the retail price: fresh fruit ~30-50%, processed goods well under 20%. */
const FARM_GATE_SHARE: Partial<Record<Product['category'], [number, number]>> = {
  'fresh-fruit': [0.3, 0.5],
  processed: [0, 0.2],
};

const FRESH_CATEGORIES: readonly Product['category'][] = ['navel-orange', 'apple', 'fresh-shiitake', 'fresh-fruit'];

export interface PriorViolation {
  readonly path: string;
  readonly message: string;
}

/** Probability that a viewer buys at least once, with hazard `hazard` per minute over the scenario's dwell. */
export function impliedConversion(scenario: Scenario, hazard: number): number {
  const dwell = dwellDistribution(compileScenario(scenario).behaviour.dwell);
  // E[exp(-h D)] = integral of h e^{-h t} S(t) dt subtracted from 1: P(buy) = h * integral e^{-h t} S(t) dt.
  const horizon = dwell.longTail * 4;
  const pieces = 2000;
  const width = horizon / pieces;
  let integral = 0;
  for (let piece = 0; piece < pieces; piece++) {
    const t = (piece + 0.5) * width;
    integral += Math.exp(-hazard * t) * dwell.survival(t) * width;
  }
  return hazard * integral;
}

/** The range of conversions a purchase rate gives the scenario's anchors: no social proof, and full social proof. */
function conversionRange(scenario: Scenario, purchaseRate: number): [number, number] {
  const lift = 1 + scenario.behaviour.socialProof.strength;
  const products = new Map(scenario.products.map((product) => [product.id, product]));
  let low = Number.POSITIVE_INFINITY;
  let high = 0;
  for (const anchor of scenario.anchors) {
    for (const series of anchor.broadcasts) {
      const factors = series.lineup.map((slot) => {
        const product = products.get(slot.product)!;
        const paid = product.price * (series.welfare ? 1 - product.welfareDiscount : 1);
        return Math.pow(paid / product.referencePrice, -scenario.behaviour.priceElasticity);
      });
      const priceFactor = factors.reduce((sum, factor) => sum + factor, 0) / factors.length;
      const hazard = purchaseRate * anchor.skill * priceFactor;
      low = Math.min(low, impliedConversion(scenario, hazard));
      high = Math.max(high, impliedConversion(scenario, hazard * lift));
    }
  }
  return [low, high];
}

export function checkPriors(scenario: Scenario): PriorViolation[] {
  const violations: PriorViolation[] = [];
  const excepted = new Set(scenario.priorExceptions.map((exception) => exception.path));
  const within = (path: string, value: number, prior: PriorField['prior'], what?: string) => {
    if (excepted.has(path)) return;
    const [low, high] = priorBounds(prior);
    if (value < low - 1e-12 || value > high + 1e-12) {
      const name = what ?? (typeof prior === 'string' ? PRIORS[prior].what : 'prior');
      violations.push({ path, message: `${path} = ${Number(value.toPrecision(4))} is outside the prior for ${name} (${low}-${high})` });
    }
  };

  // Free parameters: their bounds must lie inside their priors.
  scenario.calibration.free.forEach((parameter, index) => {
    const path = `calibration.free.${index}`;
    if (!(parameter.prior in PRIORS)) {
      violations.push({ path, message: `${parameter.path}: unknown prior \`${parameter.prior}\` (known: ${Object.keys(PRIORS).join(', ')})` });
      return;
    }
    const prior = parameter.prior as PriorId;
    if (prior === 'conversion' && parameter.path === 'behaviour.purchaseRate') {
      within(`${parameter.path} (at its lower bound)`, conversionRange(scenario, parameter.min)[0], 'conversion');
      within(`${parameter.path} (at its upper bound)`, conversionRange(scenario, parameter.max)[1], 'conversion');
    } else {
      within(`${parameter.path} (lower bound)`, parameter.min, prior);
      within(`${parameter.path} (upper bound)`, parameter.max, prior);
    }
    const value = valueAtPath(scenario, parameter.path);
    if (typeof value !== 'number' || value < parameter.min || value > parameter.max) {
      violations.push({ path: parameter.path, message: `${parameter.path} = ${String(value)} is outside its declared bounds ${parameter.min}-${parameter.max}` });
    }
  });

  // Fixed parameters.
  within('povertyLine', scenario.povertyLine, 'povertyLine');
  const [lowConversion, highConversion] = conversionRange(scenario, scenario.behaviour.purchaseRate);
  within('behaviour.purchaseRate (implied conversion, no social proof)', lowConversion, 'conversion');
  within('behaviour.purchaseRate (implied conversion, full social proof)', highConversion, 'conversion');
  for (const field of priorFields(scenario)) within(field.indexPath, field.value, field.prior, field.what);
  return violations;
}

/**
 * A field of the scenario that a public prior bounds: the one walk over a scenario that both
 * checkPriors (is it inside?) and the sensitivity and uncertainty designs (vary it across it) read.
 */
export interface PriorField {
  /** Dotted path naming list items by id, as --set and --param do. */
  readonly idPath: string;
  /** Dotted path naming list items by position, as validation messages do. */
  readonly indexPath: string;
  /** The value on the prior's scale (a price per jin, a share of the price). */
  readonly value: number;
  readonly prior: PriorId | readonly [number, number];
  /** What the prior bounds, when the prior has no name of its own. */
  readonly what?: string;
  /** Whether the designs vary the field across its prior; `scale` turns the prior into the field's own unit. */
  readonly varied: boolean;
  readonly scale?: number;
  /** Where a varied field's range comes from, when not from a named prior. */
  readonly source?: string;
}

/** A prior's low and high ends, named or given. */
export function priorBounds(prior: PriorField['prior']): readonly [number, number] {
  return typeof prior === 'string' ? [PRIORS[prior].low, PRIORS[prior].high] : prior;
}

/** Every prior-bounded field of the scenario, in one order: platforms, anchors, products, stores, farmers, shops. */
export function priorFields(scenario: Scenario): PriorField[] {
  const fields: PriorField[] = [];
  const add = (idPath: string, indexPath: string, value: number, prior: PriorField['prior'], extra: Partial<PriorField> = {}) =>
    fields.push({ idPath, indexPath, value, prior, varied: true, ...extra });
  const adoption = (rates: { innovation: number; imitation: number }, idPath: string, indexPath: string) => {
    if (rates.innovation > 0) add(`${idPath}.innovation`, `${indexPath}.innovation`, rates.innovation, 'bass.p');
    if (rates.imitation > 0) add(`${idPath}.imitation`, `${indexPath}.imitation`, rates.imitation, 'bass.q');
  };
  scenario.platforms.forEach((platform, index) => {
    add(`platforms.${platform.id}.feeRate`, `platforms.${index}.feeRate`, platform.feeRate, 'platform.fee');
    add(`platforms.${platform.id}.paymentFeeRate`, `platforms.${index}.paymentFeeRate`, platform.paymentFeeRate, 'platform.payment');
  });
  scenario.anchors.forEach((anchor, index) => {
    const [at, atIndex] = [`anchors.${anchor.id}`, `anchors.${index}`];
    // Commission is what an anchor selling others' goods takes; farmers selling their own take none.
    if (anchor.kind === 'celebrity' && anchor.broadcasts.some((series) => !series.welfare)) add(`${at}.commission.rate`, `${atIndex}.commission.rate`, anchor.commission.rate, 'commission.commercial');
    if (anchor.broadcasts.some((series) => series.welfare)) {
      add(`${at}.commission.welfareRate`, `${atIndex}.commission.welfareRate`, anchor.commission.welfareRate, 'commission.welfare');
      add(`${at}.commission.welfareSlotFee`, `${atIndex}.commission.welfareSlotFee`, anchor.commission.welfareSlotFee, [0, 0], { what: 'welfare slot fees (none)', varied: false });
    }
    if (anchor.population) {
      adoption(anchor.population, `${at}.population`, `${atIndex}.population`);
      anchor.broadcasts.forEach((series, s) => {
        if (series.schedule.kind === 'rate') add(`${at}.broadcasts.${series.id ?? s}.schedule.perDay`, `${atIndex}.broadcasts.${s}.schedule.perDay`, series.schedule.perDay, 'smallAnchor.broadcastsPerDay');
      });
    }
  });
  scenario.products.forEach((product, index) => {
    const [at, atIndex] = [`products.${product.id}`, `products.${index}`];
    add(`${at}.logistics.perParcel`, `${atIndex}.logistics.perParcel`, product.logistics.perParcel, 'logistics.parcel');
    if (product.logistics.coldChain) add(`${at}.logistics.coldChainMarkup`, `${atIndex}.logistics.coldChainMarkup`, product.logistics.coldChainMarkup, 'logistics.coldChainMarkup');
    add(`${at}.spoilage`, `${atIndex}.spoilage`, product.spoilage, FRESH_CATEGORIES.includes(product.category) ? 'spoilage.fresh' : 'spoilage.dry');
    add(`${at}.claimRate`, `${atIndex}.claimRate`, product.claimRate, 'claimRate');
    const prices = PRICE_PRIORS[product.category];
    const jin = product.unitWeightJin;
    if (prices && jin !== undefined) {
      // The price a seller sets is the scenario's choice: checked, never varied.
      add(`${at}.price`, `${atIndex}.price`, product.price / jin, prices.retail, { what: `${product.category} retail price per jin`, varied: false });
      add(`${at}.referencePrice`, `${atIndex}.referencePrice`, product.referencePrice / jin, prices.retail, { what: `${product.category} online price per jin`, scale: jin, source: 'price prior (retail, per jin)' });
      add(`${at}.farmGatePrice`, `${atIndex}.farmGatePrice`, product.farmGatePrice / jin, prices.farmGate, { what: `${product.category} farm-gate price per jin`, scale: jin, source: 'price prior (farm gate, per jin)' });
    }
    if (product.pricing.kind === 'cost-plus') add(`${at}.pricing.passThrough`, `${atIndex}.pricing.passThrough`, product.pricing.passThrough, 'pricing.passThrough');
    const offline = product.offline;
    add(`${at}.offline.demandElasticity`, `${atIndex}.offline.demandElasticity`, offline.demandElasticity, 'offline.demandElasticity');
    add(`${at}.offline.marketShare`, `${atIndex}.offline.marketShare`, offline.marketShare, 'offline.marketShare');
    add(`${at}.offline.floorShare`, `${atIndex}.offline.floorShare`, offline.floorShare, 'offline.floorShare');
    add(`${at}.offline.diversion`, `${atIndex}.offline.diversion`, offline.diversion, 'offline.diversion');
    const share = FARM_GATE_SHARE[product.category];
    if (share) add(`${at}.farmGatePrice`, `${atIndex}.farmGatePrice`, product.farmGatePrice / product.price, share, { what: `farm-gate share of the price (${product.category})`, varied: false });
  });
  scenario.stores.forEach((store, index) => {
    add(`stores.${store.id}.conversion`, `stores.${index}.conversion`, store.conversion, 'conversion');
    if (store.population) adoption(store.population, `stores.${store.id}.population`, `stores.${index}.population`);
  });
  scenario.farmers.forEach((group, index) => {
    if (group.joining) adoption(group.joining, `farmers.${group.id}.joining`, `farmers.${index}.joining`);
  });
  scenario.shops.forEach((shop, index) => {
    if (!shop.staff) return;
    add(`shops.${shop.id}.staff.ordersPerWorkerMonth`, `shops.${index}.staff.ordersPerWorkerMonth`, shop.staff.ordersPerWorkerMonth, 'staff.ordersPerWorkerMonth');
    if (shop.staff.spinOffs) add(`shops.${shop.id}.staff.spinOffs.perWorkerYear`, `shops.${index}.staff.spinOffs.perWorkerYear`, shop.staff.spinOffs.perWorkerYear, 'staff.spinOffsPerWorkerYear');
  });
  return fields;
}
