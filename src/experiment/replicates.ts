/**
 * Replicates: the same scenario run with seeds derived reproducibly from one root seed, so
 * "ten replicates" are ten different, repeatable runs.
 */
import { deriveSeed } from '../engine/random.js';
import type { LoadedScenario } from '../scenario/load.js';
import { ScenarioRun, type FinishedRun } from './single-run.js';

export function replicateSeeds(rootSeed: number, count: number): number[] {
  return Array.from({ length: count }, (_, index) => deriveSeed(rootSeed, `replicate/${index}`));
}

export interface ReplicateControls {
  readonly signal?: AbortSignal | undefined;
  /** Called as each replicate finishes. */
  readonly onReplicate?: ((index: number, run: FinishedRun) => void) | undefined;
}

/** Runs the replicates one after another; stops early (returning what finished) when aborted. */
export async function runReplicates(loaded: LoadedScenario, seeds: readonly number[], controls: ReplicateControls = {}): Promise<FinishedRun[]> {
  const finished: FinishedRun[] = [];
  for (const [index, seed] of seeds.entries()) {
    if (controls.signal?.aborted) break;
    const run = await new ScenarioRun(loaded, seed).run({ signal: controls.signal });
    if (!run.summary.complete) break;
    finished.push(run);
    controls.onReplicate?.(index, run);
  }
  return finished;
}
