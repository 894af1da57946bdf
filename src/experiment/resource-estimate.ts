/**
 * What a run will cost, estimated from its parameters before it starts: events and memory. A
 * scenario that would run for hours or exhaust memory (a typo in an order of magnitude, a cadence
 * of a second) is refused with the estimate and a way out, instead of hanging or crashing.
 */
import { MINUTES_PER_DAY, MS_PER_MINUTE } from '../model/calendar.js';
import type { ModelParams } from '../model/params.js';

export interface ResourceEstimate {
  /** Engine events the run would process, roughly. */
  readonly events: number;
  /** Bytes the run would hold at its peak, roughly. */
  readonly bytes: number;
  /** Broadcasts simulated (a batch of a class counts once). */
  readonly broadcasts: number;
}

/** Above these a run is refused unless forced: over a minute of events (~2.5 million a second), 4 GiB. */
const MAX_EVENTS = 200_000_000;
const MAX_BYTES = 4 * 1024 ** 3;

const BYTES_PER_HOUSEHOLD = 300;
const BYTES_PER_VIEWER = 120;
const BYTES_PER_SUPPLY = 40;

export function estimateResources(params: ModelParams): ResourceEstimate {
  const horizon = (params.endMs - params.startMs) / MS_PER_MINUTE;
  const days = Math.max(1, horizon / MINUTES_PER_DAY);
  const behaviour = params.behaviour;
  const meanDwell = behaviour.dwell.kind === 'exponential' ? behaviour.dwell.mean : behaviour.dwell.median * Math.exp((behaviour.dwell.sigma * behaviour.dwell.sigma) / 2);
  let events = days * (2 + params.stores.length);
  let broadcasts = 0;
  let peakViewers = 0;
  for (const anchor of params.anchors) {
    const platform = params.platforms.find((candidate) => candidate.id === anchor.platform);
    const members = anchor.population ? Math.max(anchor.population.initial, anchor.population.potential) : 1;
    for (const series of anchor.broadcasts) {
      const schedule = series.schedule;
      const span = Math.max(0, schedule.until - schedule.from);
      const perMember =
        schedule.kind === 'dates' ? schedule.starts.length : schedule.kind === 'cadence' ? span / schedule.every + 1 : (schedule.perDay * span) / MINUTES_PER_DAY;
      const count = perMember * members;
      // A class's rate schedule is simulated in daily batches.
      const simulated = anchor.population && schedule.kind === 'rate' ? Math.min(count, (anchor.population.batches * span) / MINUTES_PER_DAY) : count;
      const boost = series.welfare ? (platform?.welfare.trafficBoost ?? 1) : 1;
      const viewsEach = anchor.followers * anchor.tuneInShare + anchor.recommendedTraffic * boost;
      // Purchases are drawn by thinning at the hazard's bound (social proof at its strongest).
      const purchaseChances = behaviour.purchaseRate * anchor.skill * (1 + behaviour.socialProof.strength) * 2 * Math.min(meanDwell, series.duration);
      broadcasts += simulated;
      if (params.fidelity === 'agent') {
        // Each viewer arrives, leaves and gets purchase chances; slots change a few times.
        events += count * viewsEach * (2 + purchaseChances) + simulated * (series.duration / 10);
        peakViewers = Math.max(peakViewers, viewsEach * Math.min(1, meanDwell / Math.max(1, series.duration)) * (anchor.population ? members : 1));
      } else {
        events += simulated * (series.duration / params.cohortStep + 2);
      }
    }
  }
  const households = params.farmers.reduce((sum, group) => sum + group.households, 0);
  const supplies = params.farmers.reduce((sum, group) => sum + group.households * group.produces.length, 0);
  const bytes = households * BYTES_PER_HOUSEHOLD + supplies * BYTES_PER_SUPPLY + peakViewers * BYTES_PER_VIEWER + days * 2_000;
  return { events, bytes, broadcasts };
}

/** Why a run is too big, or undefined when it fits. */
export function resourceProblem(estimate: ResourceEstimate, fidelity: ModelParams['fidelity']): { message: string; hint: string } | undefined {
  const tooManyEvents = estimate.events > MAX_EVENTS;
  const tooMuchMemory = estimate.bytes > MAX_BYTES;
  if (!tooManyEvents && !tooMuchMemory) return undefined;
  const parts = [
    tooManyEvents ? `about ${formatLarge(estimate.events)} events (limit ${formatLarge(MAX_EVENTS)}: over a minute of work)` : '',
    tooMuchMemory ? `about ${(estimate.bytes / 1024 ** 3).toFixed(1)} GiB of memory (limit ${MAX_BYTES / 1024 ** 3} GiB)` : '',
  ].filter(Boolean);
  const ways = [fidelity === 'agent' ? 'fidelity: cohort' : '', 'a shorter period', 'fewer households per simulated one (raise `represents`)', 'or --force to run it anyway'].filter(Boolean);
  return { message: `this scenario would need ${parts.join(' and ')}`, hint: `check its orders of magnitude; try ${ways.join(', ')}` };
}

function formatLarge(value: number): string {
  if (value >= 1e9) return `${(value / 1e9).toPrecision(3)} billion`;
  if (value >= 1e6) return `${(value / 1e6).toPrecision(3)} million`;
  return Math.round(value).toLocaleString('en-US');
}
