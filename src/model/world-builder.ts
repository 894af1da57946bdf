/**
 * Builds the world a run starts from (src/model/world.ts), in a fixed order that later parts
 * rely on: products, households (each household's supplies), anchors, stores, shops, broadcast
 * plans, and the groups that join over time. References between entities are indices already
 * (src/scenario/compile.ts), so nothing is looked up by id.
 */
import type { RandomStreams, Uniform } from '../engine/random.js';
import { AnchorState } from './demand/anchors.js';
import { ArrivalCurve, dwellDistribution } from './demand/audience.js';
import { CommonNoise } from './demand/common-noise.js';
import type { PlannedSlot } from './demand/live-broadcast.js';
import { PlatformMarket } from './demand/market.js';
import { NicheAudience } from './demand/niche.js';
import { StoreState } from './demand/stores.js';
import { Watching } from './demand/watching.js';
import { Flows } from './money/flows.js';
import { platformFeeRate } from './money/platform-fees.js';
import type { ModelParams } from './params.js';
import { HouseholdTable, drawPersons, drawSpread } from './supply/households.js';
import { buildJoining, initiallyJoined, type Supply } from './supply/joining.js';
import { ProductState } from './supply/products.js';
import { ShopState } from './supply/shops.js';
import { meanUnitsPerOrder, unviableListing, type DroppedListing } from './supply/viability.js';
import { Calendar } from './time/calendar.js';
import { broadcastStarts } from './time/schedule.js';
import { ShockSchedule } from './time/shocks.js';
import type { SeriesPlan, World } from './world.js';

/** The world together with what only the daily cycle needs: each household's supplies. */
export interface BuiltWorld {
  readonly world: World;
  /** For each household: the (product, supplier index) pairs it supplies. */
  readonly supplies: readonly (readonly Supply[])[];
}

export function buildWorld(scenario: ModelParams, random: RandomStreams): BuiltWorld {
  const calendar = new Calendar(scenario.startMs, scenario.endMs);
  const markets = scenario.platforms.map((platform) => new PlatformMarket(platform.market));
  const niches = scenario.platforms.map((platform) => platform.niches.map((niche) => new NicheAudience(niche)));
  const groupFlows = scenario.groups.map(() => new Flows());
  const unitsPerOrder = meanUnitsPerOrder(scenario.behaviour.unitsPerOrder);
  const products = scenario.products.map((spec, index) => new ProductState(index, spec, spec.contractPrice, unitsPerOrder));
  const { households, supplies } = buildHouseholds(scenario, products, random);
  const anchors = scenario.anchors.map(
    (spec, index) =>
      new AnchorState(index, spec, scenario.platforms[spec.platform]!, spec.groups.map((group) => groupFlows[group]!), random, markets[spec.platform], spec.niche === undefined ? undefined : niches[spec.platform]![spec.niche]),
  );
  const dropped: DroppedListing[] = [];
  const stores = scenario.stores.map((spec) => {
    const groups = spec.groups.map((group) => groupFlows[group]!);
    const store = new StoreState({ spec, platform: scenario.platforms[spec.platform]!, products, behaviour: scenario.behaviour, groups, streams: random, market: markets[spec.platform] });
    dropped.push(...store.dropUnviable(unitsPerOrder));
    return store;
  });
  const shops = scenario.shops.map((spec, shopIndex) => {
    const staff = spec.staff;
    const candidates = staff ? householdsOf(households, staff.workersFrom) : [];
    const shop = new ShopState(spec, candidates, staff?.spinOffs ? stores[staff.spinOffs.store] : undefined, random);
    for (const product of products) if (product.sellerShop === shopIndex) product.shop = shop;
    return shop;
  });
  const plans = anchors.flatMap((anchor) =>
    anchor.spec.broadcasts.map((series) => ({
      anchor,
      series,
      lineup: offeredLineup(anchor, series, products, unitsPerOrder, dropped),
      curve: new ArrivalCurve(series.audience),
      // A class of anchors draws its rate-scheduled broadcasts day by day, from how many are active.
      starts: anchor.population && series.schedule.kind === 'rate' ? [] : broadcastStarts(series.schedule, calendar, anchor.random.schedule),
      next: 0,
    })),
  );
  const world: World = {
    scenario,
    calendar,
    products,
    anchors,
    stores,
    shops,
    households,
    joining: buildJoining(scenario.farmers, households, products, anchors, random),
    plans,
    dwell: dwellDistribution(scenario.behaviour.dwell),
    markets,
    niches,
    shocks: new ShockSchedule(scenario.shocks, calendar),
    noise: new CommonNoise(scenario, markets, calendar, random),
    groups: new Map(scenario.groups.map((name, index) => [name, groupFlows[index]!])),
    live: new Set(),
    watching: new Watching(),
    dropped,
  };
  return { world, supplies };
}

/** The series' lineup without the products that would not pay on it (recorded in `dropped`). */
function offeredLineup(anchor: AnchorState, series: SeriesPlan['series'], products: readonly ProductState[], unitsPerOrder: number, dropped: DroppedListing[]): PlannedSlot[] {
  const terms = {
    welfare: series.welfare,
    platformFeeRate: platformFeeRate(anchor.platform, series.welfare),
    commissionRate: anchor.commissionRate(series.welfare),
    subsidised: series.subsidised,
  };
  const lineup: PlannedSlot[] = [];
  const droppedHere = new Set<number>();
  for (const slot of series.lineup) {
    const product = products[slot.product]!;
    const unviable = unviableListing(series.label, product, terms, unitsPerOrder);
    if (unviable === undefined) lineup.push({ product, minutes: slot.minutes });
    else if (!droppedHere.has(product.index)) {
      droppedHere.add(product.index);
      dropped.push(unviable);
    }
  }
  return lineup;
}

function householdsOf(households: HouseholdTable, group: number): number[] {
  const members: number[] = [];
  households.groupOf.forEach((of, household) => of === group && members.push(household));
  return members;
}

/** Every group's households, drawn from the group's own stream, and each one's place in the supplier lists of what it grows. */
function buildHouseholds(scenario: ModelParams, products: readonly ProductState[], random: RandomStreams): { households: HouseholdTable; supplies: Supply[][] } {
  const total = scenario.farmers.reduce((sum, group) => sum + group.households, 0);
  const table = new HouseholdTable(total);
  const supplies: Supply[][] = [];
  const activeFromStart = new Uint8Array(total);
  let household = 0;
  scenario.farmers.forEach((group, groupIndex) => {
    // One stream per group: adding a group leaves every other group's households unchanged.
    const uniform: Uniform = random.stream(`farmers/${group.id}`);
    const joinedAtStart = Math.min(group.households, initiallyJoined(group, scenario.anchors));
    for (let member = 0; member < group.households; member++, household++) {
      table.ids.push(`${group.id}-${member + 1}`);
      table.groupOf.push(groupIndex);
      table.persons[household] = drawPersons(uniform, group.persons);
      table.represents[household] = group.represents;
      table.baselinePerPerson[household] = drawSpread(uniform, group.baselineIncome);
      const mine: Supply[] = [];
      for (const production of group.produces) {
        const product = products[production.product]!;
        // A simulated household supplies for all the real households it stands for.
        const capacity = Math.max(0, Math.round(drawSpread(uniform, production.capacity) * group.represents));
        // Drawn after the capacity, so scenarios without a harvest keep their numbers; never below the capacity.
        const harvest = production.harvest === undefined ? capacity : Math.max(capacity, Math.round(drawSpread(uniform, production.harvest) * group.represents));
        mine.push({ product, supplier: product.supplierCount });
        product.addSupplier(household, capacity, harvest);
      }
      supplies.push(mine);
      if (member < joinedAtStart) {
        activeFromStart[household] = 1;
        table.joined[household] = 1;
      }
    }
  });
  for (const product of products) product.finishSuppliers((member) => activeFromStart[member] === 1);
  return { households: table, supplies };
}
