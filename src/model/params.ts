/**
 * The model's parameters: plain numbers in the model's units, compiled once from a scenario file
 * (src/scenario/compile.ts). Times are simulated minutes since the run's start (or minutes after
 * midnight for a time of day), durations are minutes, money is yuan as the scenario states it.
 * The model reads only these: it never parses `90m` or `2019-11-20` and never sees the scenario
 * file's types, so the file format can change without touching the mechanisms. A reference from
 * one entity to another is an index into its list, resolved here once; ids remain only as names
 * (for outputs and random streams), and the model never looks one up.
 */

/** A fixed number, or a lognormal spread given by its median and log-scale sigma. */
export type Spread = number | { readonly median: number; readonly sigma: number };

export interface BehaviourParams {
  readonly dwell: { readonly kind: 'exponential'; readonly mean: number } | { readonly kind: 'lognormal'; readonly median: number; readonly sigma: number };
  readonly purchaseRate: number;
  readonly priceElasticity: number;
  readonly socialProof: { readonly strength: number; readonly halfSaturation: number; readonly window: number };
  readonly unitsPerOrder: { readonly kind: 'fixed'; readonly units: number } | { readonly kind: 'shifted-poisson'; readonly mean: number };
  /** Sigma of a mean-1 lognormal demand factor drawn for each calendar year. */
  readonly yearlyDemandNoise: number;
}

export interface MarketParams {
  /** The platform's shoppers at minutes of the run, in time order. */
  readonly shoppers: readonly { readonly minute: number; readonly people: number }[];
  readonly visitsPerShopper: number;
  /** Yearly growth of the visits each shopper pays farm products (farm produce gaining a share of online shopping). */
  readonly visitsGrowthPerYear: number;
  /** Years over which that growth rate halves (undefined: it never slows). */
  readonly visitsGrowthHalfLife?: number | undefined;
}

/** An audience inside a platform's market that only the anchors who declare it reach (src/model/demand/niche.ts). */
export interface NicheParams {
  readonly id: string;
  /** Feed views a day in the niche's pool at minutes of the run, in time order. */
  readonly views: readonly { readonly minute: number; readonly views: number }[];
}

/**
 * A shock, its effects spelled out with neutral values for those it does not have (src/model/time/shocks.ts).
 * Active from `from` to `until` (minutes, exclusive), or on `days` (month, day) every year.
 */
export interface ShockParams {
  readonly id: string;
  readonly from: number;
  readonly until: number;
  readonly days: readonly (readonly [number, number])[] | undefined;
  /** The platforms it reaches (indices into `platforms`); undefined: all. */
  readonly platforms: readonly number[] | undefined;
  /** The products it reaches (indices into `products`); undefined: all. */
  readonly products: readonly number[] | undefined;
  /** The anchors (or classes) it reaches (indices into `anchors`); undefined: all. */
  readonly anchors: readonly number[] | undefined;
  readonly traffic: number;
  readonly broadcasts: number;
  readonly demand: number;
  readonly capacity: number;
  readonly costMultiplier: number;
  readonly spoilage: number;
  readonly loss: number;
}

export interface PlatformParams {
  readonly id: string;
  readonly name?: string | undefined;
  readonly feeRate: number;
  readonly paymentFeeRate: number;
  /** Sigma of a mean-1 lognormal factor on the platform's traffic, drawn each day. */
  readonly trafficNoise: number;
  readonly welfare: { readonly feeWaiver: boolean; readonly trafficBoost: number };
  /** The platform's pool of attention (a default one when the scenario declares none). */
  readonly market: MarketParams;
  readonly niches: readonly NicheParams[];
}

/** When a series' broadcasts start. `from` and `until` bound the starts (minutes, `until` exclusive, both inside the run). */
export type ScheduleParams =
  | { readonly kind: 'dates'; readonly starts: readonly number[]; readonly from: number; readonly until: number }
  | { readonly kind: 'cadence'; readonly every: number; readonly at: number; readonly from: number; readonly until: number }
  | {
      readonly kind: 'rate';
      readonly perDay: number;
      /** Earliest and latest start, minutes after midnight (the latest past 1440 when the window crosses midnight). */
      readonly between: readonly [number, number];
      readonly from: number;
      readonly until: number;
    };

export interface SeriesParams {
  /** Name of the series in outputs (its id, or anchor/number). */
  readonly label: string;
  readonly schedule: ScheduleParams;
  readonly duration: number;
  readonly welfare: boolean;
  readonly subsidised: boolean;
  /** The products shown in turn (indices into `products`) and their minutes on screen. */
  readonly lineup: readonly { readonly product: number; readonly minutes: number }[];
  /** Arrival curve: ramp-up minutes, half-life minutes (undefined: no decay), night-to-night spread. */
  readonly audience: {
    readonly rampUp: number;
    readonly halfLife: number | undefined;
    readonly variability: number;
    /** Rare nights with many times the usual audience (a spread: a number or a lognormal median and sigma). */
    readonly breakout?: { readonly chance: number; readonly multiplier: Spread } | undefined;
  };
  /** Sigma of a mean-1 lognormal factor on each broadcast's purchase hazard. */
  readonly salesVariability: number;
}

interface AdoptionParams {
  readonly initial: number;
  readonly innovation: number;
  readonly imitation: number;
  readonly churnPerYear: number;
}

export interface AnchorParams {
  readonly id: string;
  readonly name?: string | undefined;
  readonly kind: 'celebrity' | 'peasant' | 'shop-owner';
  /** Its platform's index in `platforms`. */
  readonly platform: number;
  /** Followers when the run starts (with `followerPath`: the dated counts' value then). */
  readonly followers: number;
  /** Dated follower counts of a following that grows outside the simulated broadcasts. */
  readonly followerPath?: readonly { readonly minute: number; readonly followers: number }[] | undefined;
  readonly tuneInShare: number;
  readonly recommendedTraffic: number;
  /** The niche (its index in the platform's `niches`) whose pool the anchor's feed traffic shares (undefined: the platform's market only). */
  readonly niche: number | undefined;
  readonly skill: number;
  readonly followGain: number;
  readonly commission: { readonly rate: number; readonly slotFee: number; readonly welfareRate: number; readonly welfareSlotFee: number };
  readonly broadcasts: readonly SeriesParams[];
  /** The flow groups its sales count toward (indices into `groups`): its platform's, then its tags'. */
  readonly groups: readonly number[];
  readonly population?: (AdoptionParams & { readonly potential: number; readonly batches: number }) | undefined;
}

export interface ProductParams {
  readonly id: string;
  readonly name?: string | undefined;
  readonly price: number;
  readonly referencePrice: number;
  readonly welfareDiscount: number;
  readonly farmGatePrice: number;
  readonly processingCost: number;
  readonly logistics: { readonly perParcel: number; readonly coldChain: boolean; readonly coldChainMarkup: number };
  readonly spoilage: number;
  readonly claimRate: number;
  /** The shop that sells it online (its index in `shops`), or undefined: the farmers' own cooperative. */
  readonly shop: number | undefined;
  /** What that shop pays the households a unit under contract (yuan), when it declares a price. */
  readonly contractPrice: number | undefined;
  readonly profitShare: number;
  /** Harvest window as [month 1-12, day] pairs, repeating every year. */
  readonly season?: { readonly from: readonly [number, number]; readonly to: readonly [number, number] } | undefined;
  readonly allocation: 'proportional' | 'equal' | 'poorest-first';
  readonly offline: OfflineMarketParams;
  /** How the seller sets its retail price on a channel (src/model/money/pricing.ts). */
  readonly pricing: { readonly kind: 'fixed' } | { readonly kind: 'cost-plus'; readonly passThrough: number; readonly referenceCost: number };
}

/**
 * The county's offline channel for a product (local traders, a wholesale market): a linear
 * inverse demand through (referenceQuantity, farmGatePrice) with point elasticity
 * demandElasticity / marketShare, down to the floor price, below which picking and hauling do
 * not pay and the rest goes unsold.
 */
export interface OfflineMarketParams {
  /** Absolute price elasticity of demand in the market the county sells into. */
  readonly demandElasticity: number;
  /** The county's share of that market's supply (1: an isolated local market). */
  readonly marketShare: number;
  /** Units a season the market takes at the farm-gate price; undefined: the whole harvest of the households who grow it. */
  readonly referenceQuantity: number | undefined;
  /** Share of units bought online whose buyers would otherwise have bought them on this offline market. */
  readonly diversion: number;
  /** Share of the farm-gate price below which units are not worth bringing to market. */
  readonly floorShare: number;
  /** What becomes of units neither channel takes: perishables are wasted, dry goods carried to the next season. */
  readonly unsold: 'wasted' | 'carried';
}

export interface FarmerGroupParams {
  readonly id: string;
  readonly households: number;
  readonly persons: number;
  readonly baselineIncome: Spread;
  /**
   * Per product: units each real household can ship online a season (`capacity`), and its whole
   * harvest a season (`harvest`, at least the capacity; undefined: the capacity is the harvest).
   */
  readonly produces: readonly { readonly product: number; readonly capacity: Spread; readonly harvest?: Spread | undefined }[];
  readonly represents: number;
  readonly joining?: AdoptionParams | undefined;
  /** Households join as the sellers need them: each month's lost demand brings enough growers to fill it. */
  readonly joinsOnDemand?: { readonly initial: number } | undefined;
  /** Households appear with a class of anchors (`anchor`: its index in `anchors`). */
  readonly followsAnchors?: { readonly anchor: number; readonly householdsPerAnchor: number } | undefined;
}

export interface ShopParams {
  readonly id: string;
  readonly staff?:
    | {
        /** The farmer group its workers come from (index into `farmers`). */
        readonly workersFrom: number;
        readonly ordersPerWorkerMonth: number;
        readonly wagePerMonth: number;
        /** Share of each month's positive margin the owner takes before wages. */
        readonly ownerShare: number;
        /** Workers' own shops, counted as a class of stores (`store`: its index in `stores`). */
        readonly spinOffs?: { readonly perWorkerYear: number; readonly store: number } | undefined;
      }
    | undefined;
}

export interface StoreParams {
  readonly id: string;
  readonly name?: string | undefined;
  /** Its platform's index in `platforms`. */
  readonly platform: number;
  /** Minute the listings go online (0: from the start). */
  readonly opens: number;
  /** Listed products (indices into `products`) and their shares of visits. */
  readonly products: readonly { readonly product: number; readonly share: number }[];
  readonly visitorsPerDay: number;
  /** Search ranking by sales: traffic ramps from openingVisitors toward visitorsPerDay with the last year's orders. */
  readonly ranking?: { readonly openingVisitors: number; readonly halfOrders: number } | undefined;
  readonly conversion: number;
  readonly loyalty: { readonly retention: number; readonly repeatOrdersPerYear: number; readonly churnPerYear: number; readonly market?: number | undefined };
  readonly welfare: boolean;
  readonly subsidised: boolean;
  /** The flow groups its sales count toward (indices into `groups`): its platform's, then its tags'. */
  readonly groups: readonly number[];
  readonly population?: (AdoptionParams & { readonly potential: number }) | undefined;
}

export interface ModelParams {
  readonly name: string;
  /** The run's start and end (milliseconds since the epoch, UTC arithmetic). */
  readonly startMs: number;
  readonly endMs: number;
  readonly fidelity: 'agent' | 'cohort';
  readonly cohortStep: number;
  /** Minutes between snapshots, or about 200 per run. */
  readonly snapshotEvery: number | 'auto';
  readonly povertyLine: number;
  readonly behaviour: BehaviourParams;
  readonly platforms: readonly PlatformParams[];
  readonly anchors: readonly AnchorParams[];
  readonly products: readonly ProductParams[];
  readonly farmers: readonly FarmerGroupParams[];
  readonly shops: readonly ShopParams[];
  readonly stores: readonly StoreParams[];
  readonly shocks: readonly ShockParams[];
  /**
   * The groups whose flows are reported apart (GMV by platform and by tag): every platform's id,
   * then each tag in the order anchors and then stores first name it.
   */
  readonly groups: readonly string[];
}
