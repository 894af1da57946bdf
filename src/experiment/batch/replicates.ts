/**
 * Replicates: the same scenario run with seeds derived reproducibly from one root seed, so
 * "ten replicates" are ten different, repeatable runs; run in parallel, reported in order.
 */
import { deriveSeed } from '../../engine/random.js';
import type { LoadedScenario } from '../../scenario/load.js';
import type { ReplicateOutcome, ReplicateTask, TaskExtras } from './replicate-task.js';
import { runTasks, type PoolControls } from './worker-pool.js';

/** The seed of replicate `index` of a batch with root seed `rootSeed`. */
export function replicateSeed(rootSeed: number, index: number): number {
  return deriveSeed(rootSeed, `replicate/${index}`);
}

export function replicateSeeds(rootSeed: number, count: number): number[] {
  return Array.from({ length: count }, (_, index) => replicateSeed(rootSeed, index));
}

export function replicateTasks(loaded: LoadedScenario, seeds: readonly number[], keep: TaskExtras = {}, firstId = 0): ReplicateTask[] {
  return seeds.map((seed, index) => ({ id: firstId + index, scenario: loaded.scenario, hash: loaded.hash, seed, keep }));
}

/** Runs the replicates (in parallel); returns those that finished, in replicate order. */
export async function runReplicates(loaded: LoadedScenario, seeds: readonly number[], controls: PoolControls & { keep?: TaskExtras } = {}): Promise<ReplicateOutcome[]> {
  const outcomes = await runTasks(replicateTasks(loaded, seeds, controls.keep), controls);
  return outcomes.sort((a, b) => a.id - b.id);
}
