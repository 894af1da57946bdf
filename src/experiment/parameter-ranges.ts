/**
 * The uncertain parameters of a scenario and the ranges the public priors allow them: what
 * `sensitivity` and `uncertainty` vary. Paths name list items by id, as --set does.
 */
import { ScenarioError, UsageError } from '../errors.js';
import { valueAtPath } from '../scenario/dotted-path.js';
import type { Scenario } from '../scenario/schema.js';
import { PRIORS, PRICE_PRIORS, FRESH_CATEGORIES, type PriorId } from './priors.js';

export interface ParameterRange {
  /** Dotted path, as for --set. */
  readonly path: string;
  readonly low: number;
  readonly high: number;
  /** Where the range comes from: a prior's id, `calibration.free`, or `--param`. */
  readonly source: string;
  /** The scenario's own value. */
  readonly base: number;
}

/** Every numeric parameter of the scenario with a prior or a calibration.free entry, with its range. */
export function priorRanges(scenario: Scenario): ParameterRange[] {
  const ranges = new Map<string, ParameterRange>();
  const add = (path: string, prior: PriorId | [number, number], source?: string) => {
    if (ranges.has(path)) return;
    const base = valueAtPath(scenario, path);
    if (typeof base !== 'number') return;
    const [low, high] = Array.isArray(prior) ? prior : [PRIORS[prior].low, PRIORS[prior].high];
    if (!(high > low)) return;
    ranges.set(path, { path, low, high, source: source ?? (Array.isArray(prior) ? 'prior' : prior), base });
  };
  for (const free of scenario.calibration.free) add(free.path, [free.min, free.max], 'calibration.free');
  for (const platform of scenario.platforms) {
    add(`platforms.${platform.id}.feeRate`, 'platform.fee');
    add(`platforms.${platform.id}.paymentFeeRate`, 'platform.payment');
  }
  for (const anchor of scenario.anchors) {
    const at = `anchors.${anchor.id}`;
    if (anchor.kind === 'celebrity' && anchor.broadcasts.some((series) => !series.welfare)) add(`${at}.commission.rate`, 'commission.commercial');
    if (anchor.broadcasts.some((series) => series.welfare)) add(`${at}.commission.welfareRate`, 'commission.welfare');
    if (anchor.population) {
      if (anchor.population.innovation > 0) add(`${at}.population.innovation`, 'bass.p');
      if (anchor.population.imitation > 0) add(`${at}.population.imitation`, 'bass.q');
      anchor.broadcasts.forEach((series, index) => {
        if (series.schedule.kind === 'rate') add(`${at}.broadcasts.${series.id ?? index}.schedule.perDay`, 'smallAnchor.broadcastsPerDay');
      });
    }
  }
  for (const product of scenario.products) {
    const at = `products.${product.id}`;
    add(`${at}.logistics.perParcel`, 'logistics.parcel');
    if (product.logistics.coldChain) add(`${at}.logistics.coldChainMarkup`, 'logistics.coldChainMarkup');
    add(`${at}.spoilage`, FRESH_CATEGORIES.includes(product.category) ? 'spoilage.fresh' : 'spoilage.dry');
    add(`${at}.claimRate`, 'claimRate');
    const prices = PRICE_PRIORS[product.category];
    if (prices && product.unitWeightJin !== undefined) {
      const perUnit = ([low, high]: [number, number]): [number, number] => [low * product.unitWeightJin!, high * product.unitWeightJin!];
      add(`${at}.referencePrice`, perUnit(prices.retail), 'price prior (retail, per jin)');
      add(`${at}.farmGatePrice`, perUnit(prices.farmGate), 'price prior (farm gate, per jin)');
    }
  }
  for (const store of scenario.stores) {
    add(`stores.${store.id}.conversion`, 'conversion');
    if (store.population?.innovation) add(`stores.${store.id}.population.innovation`, 'bass.p');
    if (store.population?.imitation) add(`stores.${store.id}.population.imitation`, 'bass.q');
  }
  for (const group of scenario.farmers) {
    if (group.joining?.innovation) add(`farmers.${group.id}.joining.innovation`, 'bass.p');
    if (group.joining?.imitation) add(`farmers.${group.id}.joining.imitation`, 'bass.q');
  }
  for (const shop of scenario.shops) {
    if (!shop.staff) continue;
    add(`shops.${shop.id}.staff.ordersPerWorkerMonth`, 'staff.ordersPerWorkerMonth');
    if (shop.staff.spinOffs) add(`shops.${shop.id}.staff.spinOffs.perWorkerYear`, 'staff.spinOffsPerWorkerYear');
  }
  return [...ranges.values()];
}

/**
 * The parameters `--param` names (`path` takes its prior's range, `path=lo..hi` a range of its
 * own), or every parameter with a prior when none is named.
 */
export function chooseRanges(scenario: Scenario, params: readonly string[]): ParameterRange[] {
  const known = priorRanges(scenario);
  if (params.length === 0) return known;
  return params.map((text) => {
    const match = /^([^=]+?)(?:=(-?[\d.eE+-]+)\.\.(-?[\d.eE+-]+))?$/.exec(text.trim());
    if (!match) throw new UsageError(`--param expects path or path=low..high, got ${JSON.stringify(text)}`, 'for example: --param behaviour.purchaseRate=0.001..0.003');
    const path = match[1]!;
    const base = valueAtPath(scenario, path);
    if (typeof base !== 'number') throw new UsageError(`--param ${path}: no number there in ${scenario.name}`, 'use the dotted path of a numeric field, as for --set (livesim show prints the scenario)');
    if (match[2] === undefined) {
      const range = known.find((candidate) => candidate.path === path);
      if (!range) throw new UsageError(`--param ${path} has no prior to take its range from`, `give one: --param ${path}=low..high`);
      return range;
    }
    const low = Number(match[2]);
    const high = Number(match[3]);
    if (!(Number.isFinite(low) && Number.isFinite(high) && high > low)) throw new UsageError(`--param ${text}: the range must go from a lower to a higher number`);
    return { path, low, high, source: '--param', base };
  });
}

/** A point of the unit interval as a value of the range: log-uniform when it spans ten times or more. */
export function valueIn(range: ParameterRange, unit: number): number {
  const value = range.low > 0 && range.high / range.low >= 10 ? range.low * Math.pow(range.high / range.low, unit) : range.low + unit * (range.high - range.low);
  return Number(value.toPrecision(6));
}

/**
 * Every range's ends must make a valid scenario (a share above 1, a negative count are refused
 * here, before any work or any file): `load` builds the scenario with --set overrides.
 */
export function checkRangesLoad(ranges: readonly ParameterRange[], load: (overrides: string[]) => unknown): void {
  for (const range of ranges) {
    for (const value of [range.low, range.high]) {
      try {
        load([`${range.path}=${value}`]);
      } catch (error) {
        const why = error instanceof ScenarioError ? (error.problems[0]?.message ?? error.message) : (error as Error).message;
        throw new UsageError(`--param ${range.path}=${range.low}..${range.high}: ${value} is not a value it can take: ${why}`, 'keep the range inside what the scenario schema allows (livesim schema)');
      }
    }
  }
}
