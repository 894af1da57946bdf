/** `livesim check`: run a scenario's replicates and judge each of its targets on their mean. */
import type { LoadedScenario } from '../scenario/load.js';
import { replicateSeeds, runReplicates, type ReplicateControls } from './replicates.js';
import { estimate } from './statistics.js';
import { judgeTarget, measureTarget, type TargetVerdict } from './targets.js';
import { timeseriesTable } from './timeseries.js';

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

/** Each target's metric, one value per replicate. */
export async function measureTargets(loaded: LoadedScenario, seeds: readonly number[], controls: ReplicateControls = {}) {
  const targets = loaded.scenario.targets;
  const values = targets.map(() => [] as number[]);
  let seconds = 0;
  const runs = await runReplicates(loaded, seeds, {
    ...controls,
    onReplicate: (index, run) => {
      const table = timeseriesTable(run.result, 'month');
      targets.forEach((target, t) => values[t]!.push(measureTarget(target, table)));
      seconds += run.wallSeconds;
      controls.onReplicate?.(index, run);
    },
  });
  return { values, runs: runs.length, seconds };
}

export async function checkScenario(
  loaded: LoadedScenario,
  options: { readonly replicates: number; readonly rootSeed: number } & ReplicateControls,
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
