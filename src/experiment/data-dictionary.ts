/**
 * The data dictionary: every metric of summary.json and every column of timeseries.csv, once,
 * with its unit, whether it is a flow (summed over a period) or a level (a value at a moment),
 * and what it means. `livesim metrics` prints it; a test keeps it complete.
 */
export interface MetricEntry {
  readonly unit: 'yuan' | 'count' | 'share' | 'yuan per order' | 'yuan per 1,000 views' | 'orders per view';
  readonly kind: 'flow' | 'level' | 'rate';
  readonly meaning: string;
}

export const METRICS: Readonly<Record<string, MetricEntry>> = {
  broadcasts: { unit: 'count', kind: 'flow', meaning: 'Broadcasts that went on air (a batch of a class counts each of its broadcasts)' },
  welfareBroadcasts: { unit: 'count', kind: 'flow', meaning: 'Of those, public-welfare broadcasts' },
  broadcastsSkipped: { unit: 'count', kind: 'flow', meaning: 'Broadcasts that did not go on air: nothing in their lineup in season and in stock' },
  views: { unit: 'count', kind: 'flow', meaning: 'Viewer arrivals at broadcasts (views, not unique people)' },
  peakConcurrentViewers: { unit: 'count', kind: 'level', meaning: 'Most viewers watching at once, across all broadcasts (the period’s maximum)' },
  orders: { unit: 'count', kind: 'flow', meaning: 'Orders filled, in broadcasts and stores' },
  liveOrders: { unit: 'count', kind: 'flow', meaning: 'Orders filled during broadcasts' },
  units: { unit: 'count', kind: 'flow', meaning: 'Units sold' },
  gmv: { unit: 'yuan', kind: 'flow', meaning: 'Gross merchandise value: units times the price paid' },
  liveGmv: { unit: 'yuan', kind: 'flow', meaning: 'GMV of broadcasts' },
  conversion: { unit: 'orders per view', kind: 'rate', meaning: 'Broadcast orders per view' },
  gmvPerThousandViews: { unit: 'yuan per 1,000 views', kind: 'rate', meaning: 'Broadcast GMV per thousand views' },
  averageOrderValue: { unit: 'yuan per order', kind: 'rate', meaning: 'GMV per order' },
  lostOrders: { unit: 'count', kind: 'flow', meaning: 'Orders wanted that no stock could fill (lost demand)' },
  lostUnits: { unit: 'count', kind: 'flow', meaning: 'Units wanted that no stock could fill' },
  lostGmv: { unit: 'yuan', kind: 'flow', meaning: 'What the lost demand would have paid' },
  stockOuts: { unit: 'count', kind: 'flow', meaning: 'Sales that emptied a product’s stock' },
  claimedOrders: { unit: 'count', kind: 'flow', meaning: 'Orders refunded after a defect or quality claim' },
  spoiledUnits: { unit: 'count', kind: 'flow', meaning: 'Units that spoiled in transit and were refunded' },
  followersGained: { unit: 'count', kind: 'flow', meaning: 'New followers from feed viewers' },
  storeVisits: { unit: 'count', kind: 'flow', meaning: 'Visits to stores’ listings' },
  refunds: { unit: 'yuan', kind: 'flow', meaning: 'Ledger: GMV refunded on claims' },
  spoilage: { unit: 'yuan', kind: 'flow', meaning: 'Ledger: GMV refunded for spoiled units' },
  platformFees: { unit: 'yuan', kind: 'flow', meaning: 'Ledger: platform and payment fees on settled sales' },
  anchorCommission: { unit: 'yuan', kind: 'flow', meaning: 'Ledger: anchors’ commission and slot fees' },
  logistics: { unit: 'yuan', kind: 'flow', meaning: 'Ledger: express delivery, a parcel per order' },
  processing: { unit: 'yuan', kind: 'flow', meaning: 'Ledger: processing and packing per unit' },
  intermediaryMargin: { unit: 'yuan', kind: 'flow', meaning: 'Ledger: what the sellers (cooperatives, shops) keep; negative: a loss' },
  farmerRevenue: { unit: 'yuan', kind: 'flow', meaning: 'Ledger: what the households are paid (farm-gate or contract price, plus any profit share)' },
  farmerShare: { unit: 'share', kind: 'rate', meaning: 'Farmers’ revenue as a share of GMV' },
  wages: { unit: 'yuan', kind: 'flow', meaning: 'Wages shops paid their workers, out of their margin' },
  wagesPaid: { unit: 'yuan', kind: 'flow', meaning: 'Wages shops paid their workers (summary.json’s name for wages)' },
  householdNetIncome: { unit: 'yuan', kind: 'flow', meaning: 'Households’ e-commerce income beyond the farm-gate value of what they sold, plus wages' },
  households: { unit: 'count', kind: 'level', meaning: 'Real households (simulated ones times how many each represents)' },
  householdsJoined: { unit: 'count', kind: 'level', meaning: 'Households in the selling network (supplying or working for a shop)' },
  householdsSupplying: { unit: 'count', kind: 'level', meaning: 'Households that have sold at least one unit online' },
  householdsAboveLine: { unit: 'count', kind: 'level', meaning: 'Households whose income per person over the trailing year is at or above the poverty line' },
  householdsAboveLineWithoutEcommerce: { unit: 'count', kind: 'level', meaning: 'Households above the line on their baseline income alone' },
  householdsLifted: { unit: 'count', kind: 'level', meaning: 'Households above the line only thanks to e-commerce' },
  followers: { unit: 'count', kind: 'level', meaning: 'Followers across anchors (a class counts each active anchor)' },
  anchors: { unit: 'count', kind: 'level', meaning: 'Anchors active at the end' },
  anchorsActive: { unit: 'count', kind: 'level', meaning: 'Anchors active (classes count every member)' },
  anchorsAppeared: { unit: 'count', kind: 'level', meaning: 'Anchors who ever started' },
  stores: { unit: 'count', kind: 'level', meaning: 'Stores active at the end' },
  storesActive: { unit: 'count', kind: 'level', meaning: 'Stores active' },
  storesOpened: { unit: 'count', kind: 'level', meaning: 'Stores ever opened' },
  stockAvailable: { unit: 'count', kind: 'level', meaning: 'Units still available across products' },
  stockAvailableAtEnd: { unit: 'count', kind: 'level', meaning: 'Units still available when the run ended' },
  unitsUnsoldAtSeasonEnd: { unit: 'count', kind: 'flow', meaning: 'Units left when harvest windows closed or years renewed (sold through other channels)' },
  workers: { unit: 'count', kind: 'level', meaning: 'Shop workers employed' },
  spinOffs: { unit: 'count', kind: 'level', meaning: 'Shops opened by shop workers so far' },
};

/** Columns of timeseries.csv that are not in METRICS by name: one per group and per product. */
export const PATTERN_COLUMNS: readonly { readonly pattern: string; readonly entry: MetricEntry }[] = [
  { pattern: 'gmv:<platform or tag>', entry: { unit: 'yuan', kind: 'flow', meaning: 'GMV of the sales counting toward a platform or a tag' } },
  { pattern: 'units:<product>', entry: { unit: 'count', kind: 'flow', meaning: 'Units of a product sold' } },
  { pattern: 'ledger.<part>', entry: { unit: 'yuan', kind: 'flow', meaning: 'A ledger part in replicates.csv and sweep.csv (farmerRevenue keeps its own name)' } },
];
