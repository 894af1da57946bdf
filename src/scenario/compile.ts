/**
 * Compiles a validated scenario into the model's parameters, once, before a run: durations to
 * minutes, dates to minutes since the start, times of day to minutes after midnight, month-days
 * to numbers. The model sees only the result (src/model/params.ts).
 */
import type { BroadcastSeries, Scenario } from './schema.js';
import { MINUTES_PER_DAY, MS_PER_MINUTE } from '../model/time/calendar.js';
import { DatedSeries } from '../model/time/dated-series.js';
import type { ModelParams, ScheduleParams, SeriesParams, ShockParams } from '../model/params.js';
import { productsInScope } from './shock-checks.js';
import { ReferenceIndex } from './resolve-references.js';
import { DEFAULT_MARKET } from './default-market.js';
import { parseDate, parseDuration, parseMonthDay, parseTimeOfDay } from './units.js';


/** The run's time axis: minutes from the start, and the horizon. */
interface Timeline {
  readonly startMs: number;
  readonly horizon: number;
  readonly minuteOf: (text: string) => number;
}

export function compileScenario(scenario: Scenario): ModelParams {
  const startMs = parseDate(scenario.start)!;
  const endMs = parseDate(scenario.end)!;
  const timeline: Timeline = { startMs, horizon: (endMs - startMs) / MS_PER_MINUTE, minuteOf: (text) => (parseDate(text)! - startMs) / MS_PER_MINUTE };
  const { minuteOf } = timeline;
  const refs = new ReferenceIndex(scenario);
  return {
    name: scenario.name,
    startMs,
    endMs,
    fidelity: scenario.fidelity,
    cohortStep: parseDuration(scenario.cohortStep),
    snapshotEvery: scenario.snapshotEvery === 'auto' ? 'auto' : parseDuration(scenario.snapshotEvery),
    povertyLine: scenario.povertyLine,
    behaviour: compileBehaviour(scenario.behaviour),
    platforms: scenario.platforms.map((platform) => compilePlatform(platform, scenario.behaviour, timeline)),
    anchors: scenario.anchors.map(({ tags, ...anchor }) => ({
      ...anchor,
      platform: refs.platform(anchor.platform),
      niche: anchor.niche === undefined ? undefined : refs.niche(anchor.platform, anchor.niche),
      groups: refs.groupsOf({ platform: anchor.platform, tags }),
      ...followerFields(anchor.followers, minuteOf),
      broadcasts: anchor.broadcasts.map((series, index) => compileSeries(series, `${anchor.id}/${index + 1}`, timeline, refs)),
    })),
    products: scenario.products.map((product) => compileProduct(product, scenario.shops, refs)),
    farmers: scenario.farmers.map((group) => ({
      ...group,
      produces: group.produces.map((production) => ({ ...production, product: refs.product(production.product) })),
      followsAnchors: group.followsAnchors && { ...group.followsAnchors, anchor: refs.anchor(group.followsAnchors.anchor) },
    })),
    shops: scenario.shops.map(({ contractPrices: _prices, staff, ...shop }) => ({
      ...shop,
      staff: staff && {
        ...staff,
        workersFrom: refs.farmerGroup(staff.workersFrom),
        spinOffs: staff.spinOffs && { ...staff.spinOffs, store: refs.store(staff.spinOffs.store) },
      },
    })),
    stores: scenario.stores.map(({ tags, ...store }) => ({
      ...store,
      platform: refs.platform(store.platform),
      products: store.products.map((listing) => ({ ...listing, product: refs.product(listing.product) })),
      groups: refs.groupsOf({ platform: store.platform, tags }),
      opens: store.opens === undefined ? 0 : Math.max(0, minuteOf(store.opens)),
    })),
    shocks: scenario.shocks.map((shock) => compileShock(shock, scenario.products, timeline, refs)),
    // Last: every anchor and store has named its groups by now.
    groups: refs.groupNames(),
  };
}

/** A product, its seller named as the shop's index and the shop's contract price for it. */
function compileProduct({ seller, ...product }: Scenario['products'][number], shops: Scenario['shops'], refs: ReferenceIndex): ModelParams['products'][number] {
  const shop = seller === 'farmers' ? undefined : refs.shop(seller);
  return {
    ...product,
    shop,
    contractPrice: shop === undefined ? undefined : shops[shop]!.contractPrices[product.id],
    season: product.season && { from: parseMonthDay(product.season.from)!, to: parseMonthDay(product.season.to)! },
    offline: { ...product.offline, referenceQuantity: product.offline.referenceQuantity },
  };
}

function compileBehaviour(behaviour: Scenario['behaviour']): ModelParams['behaviour'] {
  const dwell = behaviour.dwell;
  return {
    dwell: dwell.kind === 'exponential' ? { kind: 'exponential', mean: parseDuration(dwell.mean) } : { kind: 'lognormal', median: parseDuration(dwell.median), sigma: dwell.sigma },
    purchaseRate: behaviour.purchaseRate,
    priceElasticity: behaviour.priceElasticity,
    socialProof: { ...behaviour.socialProof, window: parseDuration(behaviour.socialProof.window) },
    unitsPerOrder: behaviour.unitsPerOrder,
    yearlyDemandNoise: behaviour.yearlyDemandNoise,
  };
}

function compilePlatform(platform: Scenario['platforms'][number], behaviour: Scenario['behaviour'], { minuteOf }: Timeline): ModelParams['platforms'][number] {
  // A platform without a market of its own shares the default pool: attention is never unbounded.
  const market = platform.market ?? DEFAULT_MARKET;
  return {
    ...platform,
    market: {
      visitsPerShopper: market.visitsPerShopper,
      visitsGrowthPerYear: behaviour.farmVisitsGrowthPerYear,
      visitsGrowthHalfLife: behaviour.farmVisitsGrowthHalfLife,
      shoppers: market.shoppers.map((point) => ({ minute: minuteOf(point.date), people: point.people })).sort((a, b) => a.minute - b.minute),
    },
    niches: platform.niches.map((niche) => ({
      id: niche.id,
      views:
        typeof niche.viewsPerDay === 'number'
          ? [{ minute: 0, views: niche.viewsPerDay }]
          : niche.viewsPerDay.map((point) => ({ minute: minuteOf(point.date), views: point.views })).sort((a, b) => a.minute - b.minute),
    })),
  };
}

/** A series of broadcasts; `fallbackLabel` names one without an id. */
function compileSeries(series: BroadcastSeries, fallbackLabel: string, timeline: Timeline, refs: ReferenceIndex): SeriesParams {
  return {
    label: series.id ?? fallbackLabel,
    schedule: compileSchedule(series, timeline),
    duration: parseDuration(series.duration),
    welfare: series.welfare,
    subsidised: series.subsidised,
    lineup: series.lineup.map((slot) => ({ product: refs.product(slot.product), minutes: parseDuration(slot.slot) })),
    audience: {
      rampUp: parseDuration(series.audience.rampUp),
      halfLife: series.audience.halfLife === 'none' ? undefined : parseDuration(series.audience.halfLife),
      variability: series.audience.variability,
      breakout: series.audience.breakout,
    },
    salesVariability: series.salesVariability,
  };
}

function compileSchedule(series: BroadcastSeries, { horizon, minuteOf }: Timeline): ScheduleParams {
  const spec = series.schedule;
  if (spec.kind === 'dates') {
    const starts = spec.dates
      .map(minuteOf)
      .filter((minute) => minute >= 0 && minute < horizon)
      .sort((a, b) => a - b);
    return { kind: 'dates', starts, from: 0, until: horizon };
  }
  const from = Math.max(0, spec.from === undefined ? 0 : minuteOf(spec.from));
  // `until` names the last moment a broadcast may start.
  const until = Math.min(horizon, spec.until === undefined ? horizon : minuteOf(spec.until) + 1);
  if (spec.kind === 'cadence') return { kind: 'cadence', every: parseDuration(spec.every), at: parseTimeOfDay(spec.at)!, from, until };
  const earliest = parseTimeOfDay(spec.between[0])!;
  const latest = parseTimeOfDay(spec.between[1])!;
  // A window across midnight ends the next day.
  return { kind: 'rate', perDay: spec.perDay, between: [earliest, latest < earliest ? latest + MINUTES_PER_DAY : latest], from, until };
}

function compileShock(shock: Scenario['shocks'][number], products: Scenario['products'], { minuteOf }: Timeline, refs: ReferenceIndex): ShockParams {
  const neutral = { traffic: 1, broadcasts: 1, demand: 1, capacity: 1, costMultiplier: 1, spoilage: 0, loss: 0 };
  const scope = { products: productsInScope(shock, products)?.map((id) => refs.product(id)), platforms: undefined, anchors: undefined };
  const platformsNamed = (ids: readonly string[]) => (ids.length > 0 ? ids.map((id) => refs.platform(id)) : undefined);
  if (shock.kind === 'promotion') {
    const platforms = platformsNamed(shock.platforms);
    return { id: shock.id, from: 0, until: 0, days: shock.on.map((day) => parseMonthDay(day)!), ...scope, platforms, ...neutral, traffic: shock.traffic, demand: shock.demand };
  }
  // Inclusive last day: active until the midnight after it.
  const dates = { from: minuteOf(shock.from), until: minuteOf(shock.to) + MINUTES_PER_DAY, days: undefined };
  switch (shock.kind) {
    case 'traffic':
      return { id: shock.id, ...dates, ...scope, platforms: platformsNamed(shock.platforms), ...neutral, traffic: shock.multiplier };
    case 'broadcasts':
      return { id: shock.id, ...dates, ...scope, anchors: shock.anchors.length > 0 ? shock.anchors.map((id) => refs.anchor(id)) : undefined, ...neutral, broadcasts: shock.multiplier };
    case 'demand':
      return { id: shock.id, ...dates, ...scope, ...neutral, demand: shock.multiplier };
    case 'logistics':
      return { id: shock.id, ...dates, ...scope, ...neutral, capacity: shock.capacity, costMultiplier: shock.costMultiplier, spoilage: shock.spoilage };
    case 'supply':
      return { id: shock.id, ...dates, ...scope, ...neutral, loss: shock.loss };
  }
}

/** An anchor's followers: a number, or dated counts (the start is then their value when the run starts; the model follows them). */
function followerFields(
  followers: Scenario['anchors'][number]['followers'],
  minuteOf: (text: string) => number,
): { followers: number; followerPath: { minute: number; followers: number }[] | undefined } {
  if (typeof followers === 'number') return { followers, followerPath: undefined };
  const path = followers.map((point) => ({ minute: minuteOf(point.date), followers: point.followers }));
  return { followers: new DatedSeries(path.map((point) => [point.minute, point.followers] as const)).at(0), followerPath: path };
}
