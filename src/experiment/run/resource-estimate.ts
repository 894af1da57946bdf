/**
 * What a run will cost, estimated from its parameters before it starts: events and memory. A
 * scenario that would run for hours or exhaust memory (a typo in an order of magnitude, a cadence
 * of a second) is refused with the estimate and a way out, instead of hanging or crashing.
 */
import { MINUTES_PER_DAY, MS_PER_MINUTE } from '../../model/time/calendar.js';
import { snapshotInterval } from '../../model/model-run.js';
import type { ModelParams } from '../../model/params.js';
import { compileScenario } from '../../scenario/compile.js';
import type { LoadedScenario } from '../../scenario/load.js';

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
  // Midnights and noons, stores' trading, and the snapshots (built only when watched, but their ticks always run).
  let events = days * (2 + params.stores.length) + horizon / snapshotInterval(params, horizon);
  let broadcasts = 0;
  let peakViewers = 0;
  for (const anchor of params.anchors) {
    const platform = params.platforms[anchor.platform];
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
      const followers = Math.max(anchor.followers, ...(anchor.followerPath ?? []).map((point) => point.followers));
      const viewsEach = followers * anchor.tuneInShare + anchor.recommendedTraffic * boost;
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

/** Runs in one batch: more is a typo (a stored batch of 50,000 seeds, a grid of 12,000 cases), not a plan. */
const MAX_RUNS = 10_000;
/** Events in one batch: about an hour of work on two cores. */
const MAX_BATCH_EVENTS = 20_000_000_000;

/** What a batch would run: each scenario and how many times; how many run at once on this machine. */
export interface BatchDemand {
  readonly scenarios: readonly { readonly loaded: Pick<LoadedScenario, 'scenario' | 'hash'>; readonly runs: number }[];
  readonly parallel: number;
}

export interface ResourceProblem {
  readonly message: string;
  readonly hint: string;
}

/**
 * Why a batch is too big, or undefined when it fits: too many runs, a run too big on its own
 * (events, snapshots included, or memory), too many events in all, or too much memory at once.
 * Scenarios with the same hash are estimated once.
 */
export function batchProblem(demand: BatchDemand): ResourceProblem | undefined {
  const byHash = new Map<string, { loaded: Pick<LoadedScenario, 'scenario' | 'hash'>; runs: number }>();
  for (const { loaded, runs } of demand.scenarios) byHash.set(loaded.hash, { loaded, runs: (byHash.get(loaded.hash)?.runs ?? 0) + runs });
  const runs = [...byHash.values()].reduce((sum, entry) => sum + entry.runs, 0);
  const tooMany = runsProblem(runs);
  if (tooMany) return tooMany;
  let events = 0;
  let largestBytes = 0;
  for (const { loaded, runs: count } of byHash.values()) {
    const params = compileScenario(loaded.scenario);
    const estimate = estimateResources(params);
    const problem = resourceProblem(estimate, params.fidelity);
    if (problem) return { message: `${loaded.scenario.name}: ${problem.message}`, hint: problem.hint };
    events += estimate.events * count;
    largestBytes = Math.max(largestBytes, estimate.bytes);
  }
  if (events > MAX_BATCH_EVENTS) {
    return {
      message: `this batch would need about ${formatLarge(events)} events in all (limit ${formatLarge(MAX_BATCH_EVENTS)}: about an hour of work on two cores)`,
      hint: 'fewer cases, replicates or design points, a shorter period or fidelity: cohort (or --force to run it anyway)',
    };
  }
  const atOnce = Math.min(demand.parallel, runs);
  if (atOnce > 1 && largestBytes * atOnce > MAX_BYTES) {
    return {
      message: `${atOnce} runs at once would need about ${gib(largestBytes * atOnce)} GiB of memory (limit ${gib(MAX_BYTES)} GiB)`,
      hint: `run fewer at once (--jobs ${Math.max(1, Math.floor(MAX_BYTES / largestBytes))}), or --force to run it anyway`,
    };
  }
  return undefined;
}

/** Why a batch of `runs` runs is too many, or undefined (asked before its scenarios are even loaded, where they are many). */
export function runsProblem(runs: number): ResourceProblem | undefined {
  if (runs <= MAX_RUNS) return undefined;
  return { message: `this batch would run ${formatLarge(runs)} replicates; a batch may run at most ${formatLarge(MAX_RUNS)}`, hint: 'fewer cases, replicates, seeds or design points (or --force to run it anyway)' };
}

const gib = (bytes: number) => (bytes / 1024 ** 3).toFixed(1);

/** Why a run is too big, or undefined when it fits. */
export function resourceProblem(estimate: ResourceEstimate, fidelity: ModelParams['fidelity']): ResourceProblem | undefined {
  const tooManyEvents = estimate.events > MAX_EVENTS;
  const tooMuchMemory = estimate.bytes > MAX_BYTES;
  if (!tooManyEvents && !tooMuchMemory) return undefined;
  const parts = [
    tooManyEvents ? `about ${formatLarge(estimate.events)} events (limit ${formatLarge(MAX_EVENTS)}: over a minute of work)` : '',
    tooMuchMemory ? `about ${gib(estimate.bytes)} GiB of memory (limit ${gib(MAX_BYTES)} GiB)` : '',
  ].filter(Boolean);
  const ways = [fidelity === 'agent' ? 'fidelity: cohort' : '', 'a shorter period', 'fewer households per simulated one (raise `represents`)', 'or --force to run it anyway'].filter(Boolean);
  return { message: `this scenario would need ${parts.join(' and ')}`, hint: `check its orders of magnitude; try ${ways.join(', ')}` };
}

function formatLarge(value: number): string {
  if (value >= 1e9) return `${(value / 1e9).toPrecision(3)} billion`;
  if (value >= 1e6) return `${(value / 1e6).toPrecision(3)} million`;
  return Math.round(value).toLocaleString('en-US');
}
