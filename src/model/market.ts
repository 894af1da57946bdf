/**
 * A platform's shared market for farm products online. Every store and anchor on the platform
 * pulls visits (a store its `visitorsPerDay`, an anchor the views its platform's feed sends it),
 * but they all draw from one pool, the platform's shoppers times the visits each pays farm
 * products a day. When the sellers' pull P is small next to the pool M, each gets about what it
 * pulls; as P grows toward and beyond M, each gets the share M / (M + P) of its pull, so one class
 * of sellers growing takes visits from the others, and a growing pool of shoppers gives them back.
 */
import type { Calendar } from './calendar.js';

export interface MarketSpec {
  readonly shoppers: readonly { readonly date: string; readonly people: number }[];
  readonly visitsPerShopper: number;
}

export class PlatformMarket {
  /** Share of its pull each seller gets today (1: an uncrowded market). */
  crowding = 1;
  /** Feed views sent to the platform's broadcasts today (pull of its anchors, for tomorrow). */
  feedViewsToday = 0;
  /** (minute, shoppers) points, in time order. */
  private readonly points: readonly (readonly [number, number])[];

  constructor(
    private readonly spec: MarketSpec,
    calendar: Calendar,
  ) {
    this.points = spec.shoppers.map((point) => [calendar.minuteOfDate(point.date), point.people] as const).sort((a, b) => a[0] - b[0]);
  }

  /** The platform's shoppers at `minute`: linear between the stated dates, flat before the first and after the last. */
  shoppersAt(minute: number): number {
    const points = this.points;
    if (minute <= points[0]![0]) return points[0]![1];
    for (let index = 1; index < points.length; index++) {
      const [at, people] = points[index]!;
      if (minute <= at) {
        const [before, peopleBefore] = points[index - 1]!;
        return peopleBefore + ((people - peopleBefore) * (minute - before)) / (at - before);
      }
    }
    return points[points.length - 1]![1];
  }

  /** Visits a day the platform's shoppers pay farm products at `minute` (the pool M). */
  poolAt(minute: number): number {
    return this.shoppersAt(minute) * this.spec.visitsPerShopper;
  }

  /** A new day: sets today's crowding from the sellers' pull (store visits wanted plus yesterday's feed views). */
  update(minute: number, storePull: number): void {
    const pool = this.poolAt(minute);
    const pull = storePull + this.feedViewsToday;
    this.crowding = pool + pull > 0 ? pool / (pool + pull) : 1;
    this.feedViewsToday = 0;
  }
}
