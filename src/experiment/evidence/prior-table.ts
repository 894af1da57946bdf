/**
 * The public priors that bound livesim's parameters (docs/sources.md, "Priors"), as data: named
 * ranges with their sources, and price ranges by product category. Which field each bounds is
 * said on the field in the schema (src/scenario/prior-rules.ts). Ranges marked `assumption` have
 * no public source; they are livesim's stated assumptions.
 */
import type { Product } from '../../scenario/schema.js';

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

export type PriorId = keyof typeof PRIORS;

/** Retail and farm-gate prices per jin by category, where the shared calibration notes have them (docs/sources.md). */
export const PRICE_PRIORS: Partial<Record<Product['category'], { retail: [number, number]; farmGate: [number, number] }>> = {
  'navel-orange': { retail: [5, 10], farmGate: [2.8, 3.0] },
  apple: { retail: [6, 10], farmGate: [3.0, 3.3] },
  millet: { retail: [6, 20], farmGate: [5.5, 7] },
  'black-fungus': { retail: [50, 100], farmGate: [25, 31] },
  'fresh-shiitake': { retail: [10, 15], farmGate: [4.5, 5.5] },
  honey: { retail: [30, 150], farmGate: [0, 10] },
};

/** The farm-gate share of the retail price: fresh fruit ~30-50%, processed goods well under 20%. */
export const FARM_GATE_SHARE: Partial<Record<Product['category'], [number, number]>> = {
  'fresh-fruit': [0.3, 0.5],
  processed: [0, 0.2],
};

export const FRESH_CATEGORIES: readonly Product['category'][] = ['navel-orange', 'apple', 'fresh-shiitake', 'fresh-fruit'];
