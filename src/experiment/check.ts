/**
 * `livesim check`: run a scenario's replicates and judge each of its figures on the 95% interval
 * of its mean: reproduced targets (what calibration claims), inputs (set by the scenario, shown
 * apart and never counted) and validation figures (public figures not used in fitting).
 */
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
  /** The scenario's targets, reproduced and input, in file order. */
  readonly verdicts: readonly TargetVerdict[];
  /** Its validation figures, in file order. */
  readonly validation: readonly TargetVerdict[];
  /** False when stopped before every replicate ran. */
  readonly complete: boolean;
}

/** Each target's metric, then each validation figure's, one value per replicate (in replicate order). */
export async function measureTargets(loaded: LoadedScenario, seeds: readonly number[], controls: PoolControls = {}) {
  const outcomes = await runReplicates(loaded, seeds, { ...controls, keep: { targets: true } });
  const { targets, validation } = loaded.scenario;
  const column = (index: number) => outcomes.map((outcome) => outcome.targetValues[index]!);
  const values = targets.map((_, t) => column(t));
  const validationValues = validation.map((_, v) => column(targets.length + v));
  const seconds = outcomes.reduce((sum, outcome) => sum + outcome.wallSeconds, 0);
  return { values, validationValues, runs: outcomes.length, seconds };
}

export async function checkScenario(
  loaded: LoadedScenario,
  options: { readonly replicates: number; readonly rootSeed: number } & PoolControls,
): Promise<CheckReport> {
  const seeds = replicateSeeds(options.rootSeed, options.replicates);
  const { values, validationValues, runs, seconds } = await measureTargets(loaded, seeds, options);
  return {
    scenario: loaded.scenario.name,
    rootSeed: options.rootSeed,
    replicates: runs,
    secondsPerReplicate: runs > 0 ? seconds / runs : 0,
    verdicts: loaded.scenario.targets.map((target, t) => judgeTarget(target, estimate(values[t]!))),
    validation: loaded.scenario.validation.map((figure, v) => judgeTarget(figure, estimate(validationValues[v]!))),
    complete: runs === seeds.length,
  };
}
