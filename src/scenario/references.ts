/**
 * Checks that go beyond one field: ids are unique, references point at something that exists,
 * dates are in order. Each problem becomes a zod issue at the offending path, with a hint.
 */
import type { z } from 'zod';
import type { Scenario } from './schema.js';
import { MINUTES_PER_DAY, MS_PER_MINUTE } from '../model/time/calendar.js';
import { DAY_LEVEL_NAMES, TIMESERIES_METRICS } from '../model/observation/metric-catalogue.js';
import { valueAtPath } from './dotted-path.js';
import { checkShocks } from './shock-checks.js';
import { hintFor } from './suggest.js';
import { isDuration, parseDate, parseDuration } from './units.js';

type Path = (string | number)[];

/** What every part of the check shares: the scenario, where to report, and the ids each list declares. */
interface Checking {
  readonly scenario: Scenario;
  readonly report: (path: Path, message: string, hint?: string) => void;
  readonly mustExist: (value: string, known: readonly string[], path: Path, what: string) => void;
  readonly platformIds: readonly string[];
  readonly anchorIds: readonly string[];
  readonly productIds: readonly string[];
  readonly shopIds: readonly string[];
  readonly storeIds: readonly string[];
  readonly groupIds: readonly string[];
}

/**
 * Runs even when some fields already failed their own checks (zod continues after format
 * errors), so every parse here is guarded.
 */
export function checkReferences(scenario: Scenario, context: z.RefinementCtx): void {
  const report = (path: Path, message: string, hint?: string) =>
    context.addIssue({ code: 'custom', path, message, params: hint === undefined ? {} : { hint } });

  const ids = (list: readonly { id: string }[], listName: string | Path) => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      if (seen.has(item.id)) report([...(typeof listName === 'string' ? [listName] : listName), index, 'id'], `duplicate id \`${item.id}\``, 'ids must be unique within a list');
      seen.add(item.id);
    });
    return [...seen];
  };
  const platformIds = ids(scenario.platforms, 'platforms');
  scenario.platforms.forEach((platform, p) => ids(platform.niches, ['platforms', p, 'niches']));
  const anchorIds = ids(scenario.anchors, 'anchors');
  const productIds = ids(scenario.products, 'products');
  ids(scenario.farmers, 'farmers');
  const shopIds = ids(scenario.shops, 'shops');
  const storeIds = ids(scenario.stores, 'stores');
  const groupIds = scenario.farmers.map((group) => group.id);

  const mustExist = (value: string, known: readonly string[], path: Path, what: string) => {
    if (!known.includes(value)) report(path, `unknown ${what} \`${value}\``, hintFor(value, known, what));
  };

  const checking: Checking = { scenario, report, mustExist, platformIds, anchorIds, productIds, shopIds, storeIds, groupIds };
  // In this order, so that a file's problems are listed as they always were.
  checkPeriod(checking);
  checkAnchors(checking);
  checkSupply(checking);
  checkStoresAndStaff(checking);
  ids(scenario.shocks, 'shocks');
  checkShocks(scenario, report, mustExist, { platforms: platformIds, products: productIds, anchors: anchorIds });
  checkFigures(checking);
  checkSweepAndCalibration(checking);
}

/** The run's dates in order. */
function checkPeriod({ scenario, report }: Checking): void {
  const start = parseDate(scenario.start);
  const end = parseDate(scenario.end);
  if (start !== undefined && end !== undefined && end <= start) {
    report(['end'], `the end (${scenario.end}) must come after the start (${scenario.start})`);
  }
}

/** Each anchor's platform and niche exist, its lineups name products, and a single anchor's broadcasts do not overlap. */
function checkAnchors({ scenario, report, mustExist, platformIds, productIds }: Checking): void {
  scenario.anchors.forEach((anchor, a) => {
    mustExist(anchor.platform, platformIds, ['anchors', a, 'platform'], 'platform');
    if (anchor.niche !== undefined) {
      const platform = scenario.platforms.find((candidate) => candidate.id === anchor.platform);
      if (platform) mustExist(anchor.niche, platform.niches.map((niche) => niche.id), ['anchors', a, 'niche'], 'niche');
    }
    anchor.broadcasts.forEach((series, s) => {
      const base: Path = ['anchors', a, 'broadcasts', s];
      series.lineup.forEach((slot, l) => mustExist(slot.product, productIds, [...base, 'lineup', l, 'product'], 'product'));
      // One anchor is on air once at a time (a class of anchors is many people, so it may overlap).
      if (!anchor.population && isDuration(series.duration)) overlapProblem(series, parseDuration(series.duration), base, report);
    });
  });
}

/** Every product is grown by a group and sold by a shop that has its contract price; a group joins one way; shops price real products. */
function checkSupply({ scenario, report, mustExist, productIds, shopIds }: Checking): void {
  const supplied = new Set<string>();
  scenario.farmers.forEach((group, g) => {
    group.produces.forEach((production, p) => {
      mustExist(production.product, productIds, ['farmers', g, 'produces', p, 'product'], 'product');
      supplied.add(production.product);
    });
  });

  scenario.products.forEach((product, p) => {
    if (!supplied.has(product.id)) {
      report(['products', p, 'id'], `no farmer group produces \`${product.id}\``, 'add it to the `produces` list of a group under `farmers`');
    }
    if (product.seller !== 'farmers') {
      mustExist(product.seller, shopIds, ['products', p, 'seller'], 'shop');
      const shop = scenario.shops.find((candidate) => candidate.id === product.seller);
      if (shop && shop.contractPrices[product.id] === undefined) {
        report(
          ['products', p, 'seller'],
          `shop \`${shop.id}\` has no contract price for \`${product.id}\``,
          `add \`${product.id}: <yuan per unit>\` under that shop's contractPrices`,
        );
      }
    }
  });

  scenario.farmers.forEach((group, g) => {
    const ways = [group.joining && '`joining`', group.joinsOnDemand && '`joinsOnDemand`', group.followsAnchors && '`followsAnchors`'].filter(Boolean);
    if (ways.length > 1) report(['farmers', g], `a group joins the selling network one way, not by ${ways.join(' and ')}`, 'keep one: its own diffusion, the sellers\' demand, or a class of anchors');
    if (group.joinsOnDemand) {
      for (const production of group.produces) {
        const first = scenario.farmers.findIndex((other) => other.joinsOnDemand && other.produces.some((grown) => grown.product === production.product));
        if (first !== g) report(['farmers', g, 'joinsOnDemand'], `\`${production.product}\` already has a group that joins on demand (\`${scenario.farmers[first]!.id}\`): both would answer its whole shortfall`, 'let one group join on demand for a product');
      }
    }
    const follows = group.followsAnchors;
    if (!follows) return;
    mustExist(follows.anchor, scenario.anchors.map((anchor) => anchor.id), ['farmers', g, 'followsAnchors', 'anchor'], 'anchor');
    const anchor = scenario.anchors.find((candidate) => candidate.id === follows.anchor);
    if (anchor && !anchor.population) report(['farmers', g, 'followsAnchors', 'anchor'], `anchor \`${anchor.id}\` is a single anchor`, 'supply follows a class of anchors: give that anchor a `population`');
  });

  scenario.shops.forEach((shop, s) => {
    for (const productId of Object.keys(shop.contractPrices)) {
      mustExist(productId, productIds, ['shops', s, 'contractPrices', productId], 'product');
    }
  });
}

/** Stores' platforms and listings exist; a shop's staff comes from a farmer group and spins off into a class of stores. */
function checkStoresAndStaff({ scenario, report, mustExist, platformIds, productIds, storeIds, groupIds }: Checking): void {
  scenario.stores.forEach((store, s) => {
    mustExist(store.platform, platformIds, ['stores', s, 'platform'], 'platform');
    store.products.forEach((listing, l) => mustExist(listing.product, productIds, ['stores', s, 'products', l, 'product'], 'product'));
  });

  scenario.shops.forEach((shop, s) => {
    const staff = shop.staff;
    if (!staff) return;
    mustExist(staff.workersFrom, groupIds, ['shops', s, 'staff', 'workersFrom'], 'farmer group');
    if (staff.spinOffs) {
      mustExist(staff.spinOffs.store, storeIds, ['shops', s, 'staff', 'spinOffs', 'store'], 'store');
      const store = scenario.stores.find((candidate) => candidate.id === staff.spinOffs!.store);
      if (store && !store.population) {
        report(['shops', s, 'staff', 'spinOffs', 'store'], `store \`${store.id}\` is a single store`, 'spin-offs join a class of stores: give that store a `population`');
      }
    }
  });
}

/** Targets and validation figures read a column that exists, each the way its aggregate needs. */
function checkFigures({ scenario, report, mustExist, platformIds, productIds }: Checking): void {
  const groups = [...platformIds, ...scenario.anchors.flatMap((anchor) => anchor.tags), ...scenario.stores.flatMap((store) => store.tags)];
  const metrics = [...TIMESERIES_METRICS, ...groups.map((group) => `gmv:${group}`), ...productIds.map((product) => `units:${product}`)];
  const figures = [
    ...scenario.targets.map((figure, index) => ({ figure, path: ['targets', index] as Path, kind: figure.kind })),
    ...scenario.validation.map((figure, index) => ({ figure, path: ['validation', index] as Path, kind: 'validation' as const })),
  ];
  figures.forEach(({ figure: target, path, kind }) => {
    if (target.aggregate === 'products-sold' && kind !== 'input') {
      report([...path, 'aggregate'], 'products-sold counts lineup items the scenario sets: it can only be an input', 'add `kind: input` to the target');
    }
    if (target.aggregate !== 'products-sold') mustExist(target.metric, metrics, [...path, 'metric'], 'timeseries column');
    if ((target.expected === undefined) === (target.range === undefined)) {
      report(path, 'a target needs either `expected` (with `tolerance`) or `range`');
    }
    if (target.expected !== undefined && target.tolerance === undefined) report([...path, 'tolerance'], 'missing `tolerance` for `expected`');
    if (target.range && target.range[0] > target.range[1]) report([...path, 'range'], 'the range must go from low to high');
    if ('aim' in target && target.aim !== undefined && (!target.range || target.aim < target.range[0] || target.aim > target.range[1])) {
      report([...path, 'aim'], 'an aim must lie inside the target\'s range');
    }
    if (target.aggregate === 'ratio' && !target.denominator) report([...path, 'denominator'], 'a ratio needs the months of its denominator');
    if (target.aggregate === 'change') {
      if (!target.period) report([...path, 'period'], 'a change needs its months: it compares the level at their end with the level just before them');
      if (!(DAY_LEVEL_NAMES as readonly string[]).includes(target.metric)) {
        report([...path, 'metric'], `a change reads a day-end level (one of ${DAY_LEVEL_NAMES.join(', ')}), not \`${target.metric}\``, 'for a flow, use `sum` over the months');
      }
    }
    if (target.per !== undefined) {
      mustExist(target.per, DAY_LEVEL_NAMES, [...path, 'per'], 'day-end level');
      if (target.aggregate !== 'sum' && target.aggregate !== 'years-rising') {
        report([...path, 'per'], `\`per\` divides a sum: it goes with \`sum\` or \`years-rising\`, not \`${target.aggregate}\``);
      }
    }
    if (target.aggregate === 'products-sold') {
      if (!target.products?.length) report([...path, 'products'], 'products-sold needs the list of products');
      target.products?.forEach((product, p) => mustExist(product, productIds, [...path, 'products', p], 'product'));
    }
  });
}

/** Sweep cases are named apart; free parameters are numeric fields inside bounds that make sense. */
function checkSweepAndCalibration({ scenario, report }: Checking): void {
  const caseNames = new Set<string>();
  scenario.sweep?.cases.forEach((item, index) => {
    if (caseNames.has(item.name)) report(['sweep', 'cases', index, 'name'], `two sweep cases are named \`${item.name}\``, 'each case needs its own name: their rows would be pooled');
    caseNames.add(item.name);
  });

  scenario.calibration.free.forEach((parameter, f) => {
    const path: Path = ['calibration', 'free', f];
    if (!(parameter.min < parameter.max)) report(path, `the bounds must satisfy min < max (got ${parameter.min} and ${parameter.max})`);
    const value = valueAtPath(scenario, parameter.path);
    if (typeof value !== 'number') {
      report([...path, 'path'], `\`${parameter.path}\` is not a number in this scenario`, 'use the dotted path of a numeric field, as for --set');
    } else if (value < parameter.min || value > parameter.max) {
      report([...path, 'path'], `${parameter.path} = ${value} lies outside its bounds [${parameter.min}, ${parameter.max}]`);
    }
  });
}

/** A single anchor's series whose broadcasts would overlap one another. */
function overlapProblem(series: Scenario['anchors'][number]['broadcasts'][number], duration: number, base: Path, report: (path: Path, message: string, hint?: string) => void): void {
  const schedule = series.schedule;
  const hint = 'one anchor is on air once at a time: space the broadcasts out, shorten them, or make the anchor a class with a `population`';
  if (schedule.kind === 'cadence' && isDuration(schedule.every) && parseDuration(schedule.every) < duration) {
    report([...base, 'schedule', 'every'], `a broadcast every ${schedule.every} that lasts ${series.duration} overlaps the next`, hint);
  } else if (schedule.kind === 'rate' && schedule.perDay * duration > MINUTES_PER_DAY) {
    report([...base, 'schedule', 'perDay'], `${schedule.perDay} broadcasts a day of ${series.duration} each do not fit in a day`, hint);
  } else if (schedule.kind === 'dates') {
    const starts = schedule.dates.map((date) => parseDate(date)).filter((ms): ms is number => ms !== undefined).sort((x, y) => x - y);
    const clash = starts.findIndex((start, index) => index > 0 && start - starts[index - 1]! < duration * MS_PER_MINUTE);
    if (clash > 0) report([...base, 'schedule', 'dates'], `two of these broadcasts overlap: each lasts ${series.duration}`, hint);
  }
}

