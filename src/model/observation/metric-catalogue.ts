/**
 * The metric catalogue: every number the model reports, once, with its unit, its kind, what it
 * means, how it aggregates over time and where it is recorded. The lists that used to be written
 * by hand in parallel (the counters of `Flows`, the day-end levels of the timeseries, the keys of
 * a run's summary, the data dictionary, the valid target metrics, how each metric is formatted)
 * are all derived from this one table, the way Mesa builds its DataCollector from a table of
 * reporters. Over replicates every metric aggregates the same way: the mean, with a t interval.
 *
 * The hot path (a sale adding into a dozen `Flows`) keeps its adds spelled out for speed;
 * test/model/metrics.test.ts holds them to this table.
 */

export type MetricUnit =
  | 'yuan'
  | 'count'
  | 'share'
  | 'yuan per order'
  | 'yuan per 1,000 views'
  | 'orders per view'
  | 'yuan per person per year'
  | 'yuan per year'
  | 'persons'
  | 'minutes'
  | 'date'
  | 'time'
  | 'true/false'
  | 'text'
  | 'number';

export type MetricKind = 'flow' | 'level' | 'rate' | 'key';

export interface CatalogueEntry {
  readonly unit: MetricUnit;
  readonly kind: Exclude<MetricKind, 'key'>;
  /** Its name in words, for chart labels and titles (`gmv`'s is "GMV", `householdsAboveLine`'s "households above the poverty line"). */
  readonly label: string;
  readonly meaning: string;
  /**
   * How a period's value comes from its days: `sum` (flows), `last` (a level at the period's
   * end), `max` (the period's peak), `recomputed` (a rate, recomputed from the period's flows).
   */
  readonly overTime: 'sum' | 'last' | 'max' | 'recomputed';
  /**
   * Where the model records it: `counter`, a `Flows` counter kept per day, broadcast, anchor,
   * product and group (money in fen); `day-end`, a level read at the end of every day (a column
   * of timeseries.csv); `summary`, computed for the run's summary only.
   */
  readonly recorded: 'counter' | 'day-end' | 'summary';
  /** A part of the money ledger: reported under `ledger`, not among the summary's metrics (farmerRevenue is both). */
  readonly ledgerPart?: true;
  /** It can fall below zero (a loss, a gain that is negative): a change of more than -100% is real. */
  readonly mayBeNegative?: true;
  /** A shorter name where the label is long, for narrow places (the studio's rows at 80 columns). */
  readonly short?: string;
}

// Each helper keeps its literal `recorded` (and `ledgerPart`), so the name lists below are typed.
const counter = (unit: MetricUnit, label: string, meaning: string) => ({ unit, kind: 'flow', label, meaning, overTime: 'sum', recorded: 'counter' }) as const;
const ledger = (label: string, meaning: string) => ({ ...counter('yuan', label, `Ledger: ${meaning}`), ledgerPart: true }) as const;
const dayEnd = (label: string, meaning: string, overTime: 'last' | 'max' = 'last') => ({ unit: 'count', kind: 'level', label, meaning, overTime, recorded: 'day-end' }) as const;
const atEnd = (unit: MetricUnit, label: string, meaning: string) => ({ unit, kind: 'level', label, meaning, overTime: 'last', recorded: 'summary' }) as const;
const rate = (unit: MetricUnit, label: string, meaning: string) => ({ unit, kind: 'rate', label, meaning, overTime: 'recomputed', recorded: 'summary' }) as const;

export const METRIC_CATALOGUE = {
  broadcasts: counter('count', 'broadcasts', 'Broadcasts that went on air (a batch of a class counts each of its broadcasts)'),
  welfareBroadcasts: counter('count', 'welfare broadcasts', 'Of those, public-welfare broadcasts'),
  broadcastsSkipped: counter('count', 'broadcasts not aired', 'Broadcasts that did not go on air: nothing in their lineup in season and in stock'),
  views: counter('count', 'views', 'Viewer arrivals at broadcasts (views, not unique people)'),
  orders: counter('count', 'orders', 'Orders filled, in broadcasts and stores'),
  liveOrders: counter('count', 'orders in broadcasts', 'Orders filled during broadcasts'),
  units: counter('count', 'units sold', 'Units sold'),
  lostOrders: counter('count', 'lost orders', 'Orders wanted that no stock could fill (lost demand)'),
  lostUnits: counter('count', 'lost units', 'Units wanted that no stock could fill'),
  lostGmv: counter('yuan', 'lost demand', 'What the lost demand would have paid'),
  claimedOrders: counter('count', 'orders refunded on claims', 'Orders refunded after a defect or quality claim'),
  spoiledUnits: counter('count', 'units spoiled', 'Units that spoiled in transit and were refunded'),
  stockOuts: counter('count', 'stock-outs', 'Sales that emptied a product’s stock'),
  followersGained: counter('count', 'followers gained', 'New followers from feed viewers'),
  storeVisits: counter('count', 'store visits', 'Visits to stores’ listings'),
  gmv: counter('yuan', 'GMV', 'Gross merchandise value: units times the price paid'),
  liveGmv: counter('yuan', 'GMV in broadcasts', 'GMV of broadcasts'),
  refunds: ledger('refunds', 'GMV refunded on claims'),
  spoilage: ledger('spoilage', 'GMV refunded for spoiled units'),
  platformFees: ledger('platform fees', 'platform and payment fees on settled sales'),
  anchorCommission: ledger('anchors’ commission', 'anchors’ commission and slot fees'),
  logistics: ledger('logistics', 'express delivery, a parcel per order'),
  processing: ledger('processing', 'processing and packing per unit'),
  intermediaryMargin: { ...ledger('sellers’ margin', 'what the sellers (cooperatives, shops) keep; negative: a loss'), mayBeNegative: true },
  farmerRevenue: ledger('farmers’ revenue', 'what the households are paid online (the seller’s purchase price, plus any profit share)'),
  wages: counter('yuan', 'wages', 'Wages shops paid their workers, out of their margin'),
  householdNetIncome: { ...counter('yuan', 'households’ net income', 'Households’ online sales beyond the farm-gate value of the same units, plus wages (the measure before the counterfactual)'), mayBeNegative: true },
  gain: { ...counter('yuan', 'farmers’ gain from live commerce', 'What live commerce changed for the households: income with it less income without it (the same harvest sold offline only); premium + volume + spillover + wages'), mayBeNegative: true, short: 'farmers’ gain' },
  gainPremium: { ...counter('yuan', 'gain: price premium', 'Gain: online pay beyond what the same units would have fetched offline without live commerce'), mayBeNegative: true },
  gainVolume: counter('yuan', 'gain: volume', 'Gain: the counterfactual value of units that, without live commerce, would have gone unsold'),
  gainSpillover: { ...counter('yuan', 'gain: spillover', 'Gain: better offline terms for every grower’s remaining harvest, online sales having taken supply off the local market'), mayBeNegative: true },
  offlineRevenue: counter('yuan', 'offline sales', 'What the harvest not sold online fetched on the offline market'),
  farmSalesWithout: counter('yuan', 'offline sales without live commerce', 'Counterfactual: what the whole harvest would have fetched offline without live commerce'),
  unitsOffline: counter('count', 'units sold offline', 'Units sold on the offline market'),
  unitsUnsold: counter('count', 'units unsold', 'Units neither channel took (wasted, or carried over for dry goods)'),
  unitsUnsoldWithout: counter('count', 'units unsold without live commerce', 'Counterfactual: units the offline market alone would not have taken'),

  followers: dayEnd('followers', 'Followers across anchors (a class counts each active anchor)'),
  anchorsActive: dayEnd('active anchors', 'Anchors active (classes count every member)'),
  anchorsAppeared: dayEnd('anchors who started', 'Anchors who ever started'),
  storesActive: dayEnd('active stores', 'Stores active'),
  storesOpened: dayEnd('stores opened', 'Stores ever opened'),
  stockAvailable: dayEnd('stock available', 'Units still available across products'),
  householdsJoined: dayEnd('households in the network', 'Households in the selling network (supplying or working for a shop)'),
  householdsSupplying: dayEnd('households selling online', 'Households that have sold at least one unit online'),
  householdsAboveLine: { ...dayEnd('households above the poverty line', 'Households whose income per person over the trailing year is at or above the poverty line'), short: 'above the line' },
  workers: dayEnd('shop workers', 'Shop workers employed'),
  spinOffs: dayEnd('spin-off shops', 'Shops opened by shop workers so far'),
  peakConcurrentViewers: dayEnd('peak viewers at once', 'Most viewers watching at once, across all broadcasts (the period’s maximum)', 'max'),

  conversion: rate('orders per view', 'conversion', 'Broadcast orders per view'),
  gmvPerThousandViews: rate('yuan per 1,000 views', 'GMV per 1,000 views', 'Broadcast GMV per thousand views'),
  averageOrderValue: rate('yuan per order', 'average order value', 'GMV per order'),
  farmerShare: rate('share', 'farmers’ share of GMV', 'Farmers’ online revenue as a share of GMV'),
  households: atEnd('count', 'households', 'Real households (simulated ones times how many each represents)'),
  householdsAboveLineWithoutEcommerce: atEnd('count', 'households above the line without live commerce', 'Households above the line without live commerce (on their baseline income)'),
  householdsLifted: atEnd('count', 'households lifted above the line', 'Households above the line only thanks to live commerce'),
  incomeWithout: atEnd('yuan per year', 'income without live commerce', 'The households’ income over a year without live commerce (their baseline, which includes selling the modelled harvest offline)'),
  incomeWith: atEnd('yuan per year', 'income with live commerce', 'The same plus their gain from live commerce over the trailing year: what the poverty line is measured on'),
  unitsUnsoldAtSeasonEnd: { ...atEnd('count', 'online capacity left at season end', 'Online capacity left when harvest windows closed or years renewed (it went to the offline market with the rest of the harvest)'), kind: 'flow', overTime: 'sum' },
} as const satisfies Readonly<Record<string, CatalogueEntry>>;

type Catalogue = typeof METRIC_CATALOGUE;
export type MetricName = keyof Catalogue;
type NamesWhere<Condition> = { [Name in MetricName]: Catalogue[Name] extends Condition ? Name : never }[MetricName];

/** Counters of `Flows`: summed over any span (a day, a broadcast, an anchor, the run). */
export type CounterName = NamesWhere<{ readonly recorded: 'counter' }>;
/** Levels read at the end of each day. */
export type DayLevelName = NamesWhere<{ readonly recorded: 'day-end' }>;
/** Ledger parts: where every fen of GMV ends up, exactly one of these. */
export type LedgerPart = NamesWhere<{ readonly ledgerPart: true }>;
/** The metrics of a run's summary: everything but the ledger parts, which have their own section (farmerRevenue is in both). */
export type SummaryMetricName = Exclude<MetricName, Exclude<LedgerPart, 'farmerRevenue'>>;

const ALL_NAMES = Object.keys(METRIC_CATALOGUE) as MetricName[];
const entryOf = (name: MetricName): CatalogueEntry => METRIC_CATALOGUE[name];

export const COUNTER_NAMES = ALL_NAMES.filter((name) => entryOf(name).recorded === 'counter') as readonly CounterName[];
export const DAY_LEVEL_NAMES = ALL_NAMES.filter((name) => entryOf(name).recorded === 'day-end') as readonly DayLevelName[];
export const LEDGER_PARTS = ALL_NAMES.filter((name) => entryOf(name).ledgerPart === true) as readonly LedgerPart[];
export const SUMMARY_METRIC_NAMES = ALL_NAMES.filter((name) => name === 'farmerRevenue' || entryOf(name).ledgerPart !== true) as readonly SummaryMetricName[];
/** Counters that hold money (fen inside the model, yuan outside). */
export const MONEY_COUNTERS: ReadonlySet<CounterName> = new Set(COUNTER_NAMES.filter((name) => entryOf(name).unit === 'yuan'));
/** The metrics a calibration target or a timeseries column can name (besides the `gmv:<group>` and `units:<product>` patterns). */
export const TIMESERIES_METRICS: readonly MetricName[] = [...COUNTER_NAMES, ...DAY_LEVEL_NAMES];

/** The catalogue's entry for a metric name, or undefined. */
export function catalogueEntry(name: string): CatalogueEntry | undefined {
  return Object.hasOwn(METRIC_CATALOGUE, name) ? entryOf(name as MetricName) : undefined;
}

/** The farmers' gain from live commerce and its parts (wages, the fourth, is a counter of its own): what comparisons show first. */
export const GAIN_METRICS = ['gain', 'gainPremium', 'gainVolume', 'gainSpillover'] as const satisfies readonly CounterName[];

/** What each ledger part is called in reports and on the dashboard. */
export const LEDGER_LABELS: Readonly<Record<LedgerPart, string>> = {
  refunds: 'refunds',
  spoilage: 'spoilage',
  platformFees: 'platform',
  anchorCommission: 'anchors',
  logistics: 'logistics',
  processing: 'processing',
  intermediaryMargin: 'sellers',
  farmerRevenue: 'farmers',
};
