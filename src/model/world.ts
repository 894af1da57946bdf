/**
 * The live-commerce world built from a scenario: platforms' anchors, products, farmer
 * households and the broadcast plans. Everything mutable during a run lives here.
 */
import type { RandomStreams } from '../engine/random.js';
import type { Scenario } from '../scenario/schema.js';
import { parseDuration } from '../scenario/units.js';
import { AnchorState } from './anchors.js';
import { ArrivalCurve, dwellDistribution, type DwellDistribution } from './audience.js';
import { Calendar } from './calendar.js';
import { HouseholdTable, drawPersons, drawSpread } from './households.js';
import type { LiveBroadcast } from './live-broadcast.js';
import { ProductState } from './products.js';
import { broadcastStarts } from './schedule.js';

/** One series of broadcasts and the start times still to come. */
export interface SeriesPlan {
  readonly anchor: AnchorState;
  readonly series: Scenario['anchors'][number]['broadcasts'][number];
  readonly label: string;
  readonly duration: number;
  readonly curve: ArrivalCurve;
  readonly starts: readonly number[];
  next: number;
}

export class World {
  readonly calendar: Calendar;
  readonly products: ProductState[];
  readonly anchors: AnchorState[];
  readonly households: HouseholdTable;
  readonly plans: SeriesPlan[];
  readonly dwell: DwellDistribution;
  /** Broadcasts on air, in the order they started. */
  readonly live = new Set<LiveBroadcast>();
  /** Viewers watching any broadcast right now. */
  concurrentViewers = 0;
  broadcastsStarted = 0;

  constructor(
    readonly scenario: Scenario,
    random: RandomStreams,
  ) {
    this.calendar = new Calendar(scenario.start, scenario.end);
    this.dwell = dwellDistribution(scenario.behaviour.dwell);
    this.products = scenario.products.map((spec, index) => {
      const shop = scenario.shops.find((candidate) => candidate.id === spec.seller);
      return new ProductState(index, spec, shop?.contractPrices[spec.id]);
    });
    this.households = this.buildHouseholds(random);
    this.anchors = scenario.anchors.map((spec, index) => {
      const platform = scenario.platforms.find((candidate) => candidate.id === spec.platform)!;
      return new AnchorState(index, spec, platform, random);
    });
    this.plans = this.anchors.flatMap((anchor) =>
      anchor.spec.broadcasts.map((series, seriesIndex) => ({
        anchor,
        series,
        label: series.id ?? `${anchor.id}/${seriesIndex + 1}`,
        duration: parseDuration(series.duration),
        curve: new ArrivalCurve(series.audience),
        starts: broadcastStarts(series, this.calendar, anchor.random.schedule),
        next: 0,
      })),
    );
  }

  private buildHouseholds(random: RandomStreams): HouseholdTable {
    const total = this.scenario.farmers.reduce((sum, group) => sum + group.households, 0);
    const table = new HouseholdTable(total);
    const productIndex = new Map(this.products.map((product) => [product.id, product]));
    let household = 0;
    this.scenario.farmers.forEach((group, groupIndex) => {
      // One stream per group: adding a group leaves every other group's households unchanged.
      const uniform = random.stream(`farmers/${group.id}`);
      for (let member = 0; member < group.households; member++, household++) {
        table.ids.push(`${group.id}-${member + 1}`);
        table.groupOf.push(groupIndex);
        table.persons[household] = drawPersons(uniform, group.persons);
        table.baselinePerPerson[household] = drawSpread(uniform, group.baselineIncome);
        for (const production of group.produces) {
          const capacity = Math.max(0, Math.round(drawSpread(uniform, production.capacity)));
          productIndex.get(production.product)!.addSupplier(household, capacity);
        }
      }
    });
    for (const product of this.products) product.finishSuppliers();
    return table;
  }

  /** Opens or closes harvest windows for the day starting at `minute` (renewing yearly stock on 1 January). */
  updateSeasons(minute: number, firstDay: boolean): void {
    const [month, day] = this.calendar.monthDayAt(minute);
    for (const product of this.products) {
      const open = product.isInSeasonOn(month, day);
      if (!product.seasonal) {
        if (firstDay || (month === 1 && day === 1)) product.openSeason();
      } else if (open && !product.inSeason) {
        product.openSeason();
      } else if (!open && product.inSeason) {
        product.closeSeason();
      }
    }
  }

  /** Units still available across products. */
  stockAvailable(): number {
    return this.products.reduce((sum, product) => sum + product.available, 0);
  }

  followers(): number {
    return this.anchors.reduce((sum, anchor) => sum + anchor.followers, 0);
  }
}
