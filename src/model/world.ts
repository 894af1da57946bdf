/**
 * The live-commerce world during a run, as plain state: the entities built from the parameters
 * (src/model/world-builder.ts) and the few collections the processes share. It has no behaviour
 * of its own: each process owns what it changes (the daily cycle the seasons, joining and markets;
 * broadcasting the broadcasts on air; the viewer processes how many watch, through `watching`).
 */
import type { AnchorState } from './demand/anchors.js';
import type { ArrivalCurve, DwellDistribution } from './demand/audience.js';
import type { CommonNoise } from './demand/common-noise.js';
import type { LiveBroadcast, PlannedSlot } from './demand/live-broadcast.js';
import type { PlatformMarket } from './demand/market.js';
import type { NicheAudience } from './demand/niche.js';
import type { StoreState } from './demand/stores.js';
import type { Watching } from './demand/watching.js';
import type { Flows } from './money/flows.js';
import type { AnchorParams, ModelParams } from './params.js';
import type { HouseholdTable } from './supply/households.js';
import type { JoiningGroup } from './supply/joining.js';
import type { ProductState } from './supply/products.js';
import type { ShopState } from './supply/shops.js';
import type { DroppedListing } from './supply/viability.js';
import type { Calendar } from './time/calendar.js';
import type { ShockSchedule } from './time/shocks.js';

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

export interface World {
  readonly scenario: ModelParams;
  readonly calendar: Calendar;
  readonly products: readonly ProductState[];
  readonly anchors: readonly AnchorState[];
  readonly stores: readonly StoreState[];
  readonly shops: readonly ShopState[];
  readonly households: HouseholdTable;
  /** Farmer groups whose households join the network over time. */
  readonly joining: readonly JoiningGroup[];
  readonly plans: readonly SeriesPlan[];
  readonly dwell: DwellDistribution;
  /** Each platform's shared market, by platform index. */
  readonly markets: readonly PlatformMarket[];
  /** Each platform's niches, by platform index and niche index. */
  readonly niches: readonly (readonly NicheAudience[])[];
  /** The scenario's shocks on the timeline. */
  readonly shocks: ShockSchedule;
  /** Day-to-day traffic and year-to-year demand noise. */
  readonly noise: CommonNoise;
  /** Flows by group (each platform, each tag), by name, in the parameters' order. */
  readonly groups: ReadonlyMap<string, Flows>;
  /** Broadcasts on air, in the order they started (broadcasting adds and removes them). */
  readonly live: Set<LiveBroadcast>;
  /** Viewers watching now, across broadcasts. */
  readonly watching: Watching;
  /** Products sellers do not offer on a channel because they would keep less than the farm-gate price per unit. */
  readonly dropped: readonly DroppedListing[];
}
