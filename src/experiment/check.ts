/** `livesim check`: run a scenario's replicates and judge each of its targets on their mean. */
import type { LoadedScenario } from '../scenario/load.js';
import { replicateSeeds, runReplicates } from './replicates.js';
import { estimate } from './statistics.js';
import { judgeTarget, type TargetVerdict } from './targets.js';
import type { PoolControls } from './worker-pool.js';

export interface CheckReport {
  readonly scenario: string;
  readonly rootSeed: number;
  readonly replicates: number;
  /** Wall-clock seconds per replicate (mean), for the record. */
  readonly secondsPerReplicate: number;
  readonly verdicts: readonly TargetVerdict[];
  /** False when stopped before every replicate ran. */
  readonly complete: boolean;
}

/** Each target's metric, one value per replicate (in replicate order). */
export async function measureTargets(loaded: LoadedScenario, seeds: readonly number[], controls: PoolControls = {}) {
  const outcomes = await runReplicates(loaded, seeds, { ...controls, measureTargets: true });
  const values = loaded.scenario.targets.map((_, t) => outcomes.map((outcome) => outcome.targetValues[t]!));
  const seconds = outcomes.reduce((sum, outcome) => sum + outcome.wallSeconds, 0);
  return { values, runs: outcomes.length, seconds };
}

export async function checkScenario(
  loaded: LoadedScenario,
  options: { readonly replicates: number; readonly rootSeed: number } & PoolControls,
): Promise<CheckReport> {
  const seeds = replicateSeeds(options.rootSeed, options.replicates);
  const { values, runs, seconds } = await measureTargets(loaded, seeds, options);
  return {
    scenario: loaded.scenario.name,
    rootSeed: options.rootSeed,
    replicates: runs,
    secondsPerReplicate: runs > 0 ? seconds / runs : 0,
    verdicts: loaded.scenario.targets.map((target, t) => judgeTarget(target, estimate(values[t]!))),
    complete: runs === seeds.length,
  };
}
