/**
 * The live-commerce world built from a scenario: anchors (or classes of them), stores, shops,
 * products, farmer households and the broadcast plans. Everything mutable during a run lives here.
 */
import type { RandomStreams, Uniform } from '../engine/random.js';
import { AnchorState } from './demand/anchors.js';
import { ArrivalCurve, dwellDistribution, type DwellDistribution } from './demand/audience.js';
import { Calendar, MINUTES_PER_DAY } from './time/calendar.js';
import { Flows } from './money/flows.js';
import { HouseholdTable, drawPersons, drawSpread } from './supply/households.js';
import type { DayLevels } from './observation/metrics.js';
import type { LiveBroadcast, PlannedSlot } from './demand/live-broadcast.js';
import { PlatformMarket } from './demand/market.js';
import { NicheAudience } from './demand/niche.js';
import { platformFeeRate } from './money/platform-fees.js';
import { meanUnitsPerOrder, unviableListing, type DroppedListing } from './supply/viability.js';
import { DemandRecruiting } from './supply/demand-recruiting.js';
import { Population } from './demand/population.js';
import { ProductState } from './supply/products.js';
import type { AnchorParams, FarmerGroupParams, ModelParams } from './params.js';
import { broadcastStarts } from './time/schedule.js';
import { CommonNoise } from './demand/common-noise.js';
import { ShockSchedule } from './time/shocks.js';
import { ShopState } from './supply/shops.js';
import { StoreState } from './demand/stores.js';

/** One series of broadcasts and the start times still to come (for rate schedules of anchor classes: drawn daily). */
export interface SeriesPlan {
  readonly anchor: AnchorState;
  readonly series: AnchorParams['broadcasts'][number];
  readonly curve: ArrivalCurve;
  readonly starts: readonly number[];
  /** The lineup the sellers offer (products that do not pay on this series are dropped). */
  readonly lineup: readonly PlannedSlot[];
  next: number;
}

/**
 * A farmer group whose households join the network over time, in household order: by a
 * diffusion of their own, or as the anchors of a class who sell their produce appear.
 */
export interface JoiningGroup {
  readonly group: FarmerGroupParams;
  /** How many of the group's households have joined so far (by their own diffusion, or following anchors). */
  joined(): number;
  /** One day of joining, before `joined()` is read. */
  advanceDay(): void;
  /** The group's households, in the order they join. */
  readonly households: readonly number[];
  /** Households activated so far. */
  activated: number;
}

export class World {
  readonly calendar: Calendar;
  readonly products: ProductState[];
  readonly anchors: AnchorState[];
  readonly stores: StoreState[];
  readonly shops: ShopState[];
  readonly households: HouseholdTable;
  readonly joining: JoiningGroup[] = [];
  /** Groups that join as the sellers need them (also in `joining`). */
  private readonly recruiting: DemandRecruiting[] = [];
  readonly plans: SeriesPlan[];
  readonly dwell: DwellDistribution;
  /** Each platform's shared market, for platforms that declare one. */
  readonly markets = new Map<string, PlatformMarket>();
  /** The scenario's shocks on the timeline. */
  private readonly shocks: ShockSchedule;
  /** Day-to-day traffic and year-to-year demand noise. */
  private readonly noise: CommonNoise;
  /** Each platform's niches, by platform and niche id. */
  private readonly niches = new Map<string, Map<string, NicheAudience>>();
  /** Flows by group: each platform, and each tag. */
  readonly groups = new Map<string, Flows>();
  /** Broadcasts on air, in the order they started. */
  readonly live = new Set<LiveBroadcast>();
  /** Viewers watching now, across broadcasts (classes count every member's); changed only through changeWatching. */
  get concurrentViewers(): number {
    return this.watching;
  }

  private watching = 0;

  /** `delta` viewers came (more than 0) or went (less than 0: leaving, or a broadcast ending); returns how many watch now. */
  changeWatching(delta: number): number {
    this.watching += delta;
    return this.watching;
  }
  broadcastsStarted = 0;
  /** Products sellers do not offer on a channel because they would keep less than the farm-gate price per unit. */
  readonly dropped: DroppedListing[] = [];
  /** For each household: the (product, supplier index) pairs it supplies. */
  private readonly supplies: { product: ProductState; supplier: number }[][] = [];

  constructor(
    readonly scenario: ModelParams,
    random: RandomStreams,
  ) {
    this.calendar = new Calendar(scenario.startMs, scenario.endMs);
    this.shocks = new ShockSchedule(scenario.shocks, this.calendar);
    this.dwell = dwellDistribution(scenario.behaviour.dwell);
    for (const platform of scenario.platforms) {
      this.group(platform.id);
      this.markets.set(platform.id, new PlatformMarket(platform.market));
      this.niches.set(platform.id, new Map(platform.niches.map((niche) => [niche.id, new NicheAudience(niche)])));
    }
    this.noise = new CommonNoise(scenario, this.markets, this.calendar, random);
    const unitsPerOrder = meanUnitsPerOrder(scenario.behaviour.unitsPerOrder);
    this.products = scenario.products.map((spec, index) => {
      const shop = spec.shop === undefined ? undefined : scenario.shops[spec.shop];
      return new ProductState(index, spec, shop?.contractPrices[spec.id], unitsPerOrder);
    });
    this.households = this.buildHouseholds(random);
    const platformOf = (id: string) => scenario.platforms.find((platform) => platform.id === id)!;
    this.anchors = scenario.anchors.map(
      (spec, index) =>
        new AnchorState(index, spec, platformOf(spec.platform), [this.group(spec.platform), ...spec.tags.map((tag) => this.group(tag))], random, this.markets.get(spec.platform), spec.niche === undefined ? undefined : this.niches.get(spec.platform)!.get(spec.niche)),
    );
    this.stores = scenario.stores.map((spec) => {
      const groups = [this.group(spec.platform), ...spec.tags.map((tag) => this.group(tag))];
      const store = new StoreState({ spec, platform: platformOf(spec.platform), products: this.products, behaviour: scenario.behaviour, groups, streams: random, market: this.markets.get(spec.platform) });
      this.dropped.push(...store.dropUnviable(unitsPerOrder));
      return store;
    });
    this.shops = scenario.shops.map((spec, shopIndex) => {
      const staff = spec.staff;
      const candidates = staff ? this.householdsOf(staff.workersFrom) : [];
      const spinOffStore = staff?.spinOffs ? this.stores.find((store) => store.id === staff.spinOffs!.store) : undefined;
      const shop = new ShopState(spec, candidates, spinOffStore, random);
      for (const product of this.products) if (product.sellerShop === shopIndex) product.shop = shop;
      return shop;
    });
    const productById = new Map(this.products.map((product) => [product.id, product]));
    this.plans = this.anchors.flatMap((anchor) =>
      anchor.spec.broadcasts.map((series) => ({
        anchor,
        series,
        lineup: this.offeredLineup(anchor, series, productById, unitsPerOrder),
        curve: new ArrivalCurve(series.audience),
        // A class of anchors draws its rate-scheduled broadcasts day by day, from how many are active.
        starts: anchor.population && series.schedule.kind === 'rate' ? [] : broadcastStarts(series.schedule, this.calendar, anchor.random.schedule),
        next: 0,
      })),
    );
  }

  /** The series' lineup without the products that would not pay on it (recorded in `dropped`). */
  private offeredLineup(
    anchor: AnchorState,
    series: SeriesPlan['series'],
    productById: ReadonlyMap<string, ProductState>,
    unitsPerOrder: number,
  ): PlannedSlot[] {
    const terms = {
      welfare: series.welfare,
      platformFeeRate: platformFeeRate(anchor.platform, series.welfare),
      commissionRate: anchor.commissionRate(series.welfare),
      subsidised: series.subsidised,
    };
    const lineup: PlannedSlot[] = [];
    const dropped = new Set<string>();
    for (const slot of series.lineup) {
      const product = productById.get(slot.product)!;
      const unviable = unviableListing(series.label, product, terms, unitsPerOrder);
      if (unviable === undefined) lineup.push({ product, minutes: slot.minutes });
      else if (!dropped.has(product.id)) {
        dropped.add(product.id);
        this.dropped.push(unviable);
      }
    }
    return lineup;
  }

  /** The flows of a group (a platform or a tag), created on first use. */
  group(name: string): Flows {
    let flows = this.groups.get(name);
    if (!flows) {
      flows = new Flows();
      this.groups.set(name, flows);
    }
    return flows;
  }

  private householdsOf(groupId: string): number[] {
    const group = this.scenario.farmers.findIndex((candidate) => candidate.id === groupId);
    const members: number[] = [];
    this.households.groupOf.forEach((of, household) => of === group && members.push(household));
    return members;
  }

  private buildHouseholds(random: RandomStreams): HouseholdTable {
    const total = this.scenario.farmers.reduce((sum, group) => sum + group.households, 0);
    const table = new HouseholdTable(total);
    const productById = new Map(this.products.map((product) => [product.id, product]));
    const activeFromStart = new Uint8Array(total);
    let household = 0;
    this.scenario.farmers.forEach((group, groupIndex) => {
      // One stream per group: adding a group leaves every other group's households unchanged.
      const uniform: Uniform = random.stream(`farmers/${group.id}`);
      const first = household;
      const initiallyJoined = Math.min(group.households, this.initiallyJoined(group));
      for (let member = 0; member < group.households; member++, household++) {
        table.ids.push(`${group.id}-${member + 1}`);
        table.groupOf.push(groupIndex);
        table.persons[household] = drawPersons(uniform, group.persons);
        table.represents[household] = group.represents;
        table.baselinePerPerson[household] = drawSpread(uniform, group.baselineIncome);
        const supplies: { product: ProductState; supplier: number }[] = [];
        for (const production of group.produces) {
          const product = productById.get(production.product)!;
          // A simulated household supplies for all the real households it stands for.
          const capacity = Math.max(0, Math.round(drawSpread(uniform, production.capacity) * group.represents));
          // Drawn after the capacity, so scenarios without a harvest keep their numbers; never below the capacity.
          const harvest = production.harvest === undefined ? capacity : Math.max(capacity, Math.round(drawSpread(uniform, production.harvest) * group.represents));
          supplies.push({ product, supplier: product.supplierCount });
          product.addSupplier(household, capacity, harvest);
        }
        this.supplies.push(supplies);
        if (member < initiallyJoined) {
          activeFromStart[household] = 1;
          table.joined[household] = 1;
        }
      }
      const members = Array.from({ length: group.households }, (_, index) => first + index);
      if (group.joinsOnDemand) {
        const grown = group.produces.map((production) => {
          const product = productById.get(production.product)!;
          let capacity = 0;
          for (let supplier = 0; supplier < product.supplierCount; supplier++) if (table.groupOf[product.households[supplier]!] === groupIndex) capacity += product.capacities[supplier]!;
          return { product, meanCapacity: capacity / group.households };
        });
        const recruiting = new DemandRecruiting(group.households, grown, initiallyJoined);
        this.recruiting.push(recruiting);
        this.joining.push({ group, joined: () => recruiting.joined(), advanceDay: () => undefined, households: members, activated: initiallyJoined });
      } else if (group.joining) {
        const population = new Population(group.joining, group.households, random.stream(`farmers/${group.id}/joining`));
        this.joining.push({ group, joined: () => population.appeared, advanceDay: () => population.advanceDay(), households: members, activated: initiallyJoined });
      } else if (group.followsAnchors) {
        const follows = group.followsAnchors;
        // Anchors are built after households: the class is looked up on the first day it is asked for.
        let anchor: (typeof this.anchors)[number] | undefined;
        const joined = () => {
          anchor ??= this.anchors.find((candidate) => candidate.id === follows.anchor)!;
          return Math.min(group.households, householdsFollowing(anchor.population?.appeared ?? 1, follows, group.represents));
        };
        this.joining.push({ group, joined, advanceDay: () => undefined, households: members, activated: initiallyJoined });
      }
    });
    for (const product of this.products) product.finishSuppliers((member) => activeFromStart[member] === 1);
    return table;
  }

  /** Simulated households of a group in the network at the start. */
  private initiallyJoined(group: FarmerGroupParams): number {
    if (group.joining) return group.joining.initial;
    if (group.joinsOnDemand) return group.joinsOnDemand.initial;
    const follows = group.followsAnchors;
    if (!follows) return group.households;
    const anchor = this.scenario.anchors.find((candidate) => candidate.id === follows.anchor);
    return householdsFollowing(anchor?.population?.initial ?? 1, follows, group.represents);
  }

  /** Month end: groups that join on demand take in the growers the month's lost demand called for. */
  recruitForDemand(): void {
    for (const recruiting of this.recruiting) recruiting.closeMonth();
  }

  /** One day of households joining the supplier networks. */
  advanceJoining(): void {
    for (const joining of this.joining) {
      joining.advanceDay();
      const joined = Math.min(joining.joined(), joining.households.length);
      for (; joining.activated < joined; joining.activated++) {
        const household = joining.households[joining.activated]!;
        this.households.joined[household] = 1;
        for (const { product, supplier } of this.supplies[household]!) product.activateSupplier(supplier);
      }
    }
  }

  /** Opens or closes harvest windows for the day starting at `minute` (renewing yearly stock on 1 January); offline markets settle into `flows`. */
  updateSeasons(minute: number, firstDay: boolean, flows: Flows): void {
    const households = this.households;
    const [month, day] = this.calendar.monthDayAt(minute);
    for (const product of this.products) {
      const open = product.isInSeasonOn(month, day);
      if (!product.seasonal) {
        if (firstDay || (month === 1 && day === 1)) product.openSeason(households, flows);
      } else if (open && !product.inSeason) {
        product.openSeason(households, flows);
      } else if (!open && product.inSeason) {
        product.closeSeason(households, flows);
      }
    }
  }

  /**
   * A new day in every shared market: crowding from the stores' pull and the anchors' feed views
   * of the day before; in every niche, from the feed pull its anchors plan for the day.
   */
  updateMarkets(minute: number): void {
    for (const [platform, market] of this.markets) {
      const storePull = this.stores.reduce((sum, store) => sum + (store.spec.platform === platform && store.isOpen ? store.pull : 0), 0);
      market.update(minute, storePull);
    }
    for (const niches of this.niches.values()) {
      for (const niche of niches.values()) {
        let pull = 0;
        for (const plan of this.plans) if (plan.anchor.niche === niche) pull += plannedBroadcasts(plan, minute) * plan.anchor.feedPull(plan.series.welfare);
        niche.update(minute, pull);
      }
    }
  }

  /** Today's shocks and common noise: traffic on the markets, broadcasts of anchor classes, demand, logistics and supply on the products. */
  applyShocks(minute: number): void {
    this.shocks.applyDay(minute, this.markets, this.products, this.anchors);
    this.noise.applyDay(minute, this.products);
  }

  /** The catalogue's day-end levels as they stand now (the day's peak of viewers aside: the metrics keep it). */
  levels(povertyLine: number): Omit<DayLevels, 'peakConcurrentViewers'> {
    const households = this.households.tally(povertyLine);
    return {
      followers: Math.round(this.followers()),
      anchorsActive: this.anchorsActive(),
      anchorsAppeared: this.anchorsAppeared(),
      storesActive: this.storesActive(),
      storesOpened: this.storesOpened(),
      stockAvailable: this.stockAvailable(),
      householdsJoined: households.joined,
      householdsSupplying: households.supplying,
      householdsAboveLine: households.aboveLine,
      workers: this.workers(),
      spinOffs: this.spinOffs(),
    };
  }

  /** Units still available across products. */
  stockAvailable(): number {
    return this.products.reduce((sum, product) => sum + product.available, 0);
  }

  /** Followers across anchors (a class counts each of its active anchors). */
  followers(): number {
    return this.anchors.reduce((sum, anchor) => sum + anchor.followers * anchor.active, 0);
  }

  anchorsActive(): number {
    return this.anchors.reduce((sum, anchor) => sum + anchor.active, 0);
  }

  anchorsAppeared(): number {
    return this.anchors.reduce((sum, anchor) => sum + (anchor.population?.appeared ?? 1), 0);
  }

  storesActive(): number {
    return this.stores.reduce((sum, store) => sum + (store.isOpen ? store.population.active : 0), 0);
  }

  storesOpened(): number {
    return this.stores.reduce((sum, store) => sum + (store.isOpen ? store.population.appeared : 0), 0);
  }

  workers(): number {
    return this.shops.reduce((sum, shop) => sum + shop.workers.length, 0);
  }

  spinOffs(): number {
    return this.shops.reduce((sum, shop) => sum + shop.spinOffs, 0);
  }
}

/** Simulated households supplying a class of anchors of `anchors` members, each bringing `householdsPerAnchor` real ones. */
function householdsFollowing(anchors: number, follows: { readonly householdsPerAnchor: number }, represents: number): number {
  return Math.ceil((anchors * follows.householdsPerAnchor) / represents);
}

/**
 * Broadcasts a series plans for the day starting at `midnight` (an anchor class's all count):
 * its precomputed starts that day, or for a class's rate schedule the expected number.
 */
function plannedBroadcasts(plan: SeriesPlan, midnight: number): number {
  const schedule = plan.series.schedule;
  const active = plan.anchor.active;
  if (plan.anchor.population && schedule.kind === 'rate') {
    const inWindow = midnight + MINUTES_PER_DAY > schedule.from && midnight < schedule.until;
    return inWindow ? active * schedule.perDay * plan.anchor.broadcastFactor : 0;
  }
  let count = 0;
  for (let index = plan.next; index < plan.starts.length && plan.starts[index]! < midnight + MINUTES_PER_DAY; index++) {
    if (plan.starts[index]! >= midnight) count++;
  }
  return count * active;
}
