/**
 * `livesim check`: run a scenario's replicates and judge each of its figures on the 95% interval
 * of its mean: reproduced targets (what calibration claims), inputs (set by the scenario, shown
 * apart and never counted) and validation figures (public figures not used in fitting). With the
 * scenario's free parameters nudged on a few of the same seeds, it also tells the reproduced
 * targets its knobs fit exactly (identification.ts) from those the mechanisms must get right.
 */
import type { LoadedScenario } from '../../scenario/load.js';
import { replicateSeeds, runReplicates } from '../batch/replicates.js';
import { estimate } from '../batch/statistics.js';
import { sensitivityMatrix } from './fit-quality.js';
import { ParameterSpace } from '../analysis/parameter-space.js';
import { valueAtPath } from '../../scenario/dotted-path.js';
import { judgeTarget, type TargetVerdict } from './targets.js';
import { identify, type TargetFit } from './identification.js';
import type { PoolControls } from '../batch/worker-pool.js';

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

/** Replicates each nudge of a free parameter runs to tell fitted-exactly targets apart (paired: the first seeds of the check). */
export const IDENTIFY_REPLICATES = 3;

export async function checkScenario(
  loaded: LoadedScenario,
  options: { readonly replicates: number; readonly rootSeed: number; readonly variant?: ((overrides: string[]) => LoadedScenario) | undefined } & PoolControls,
): Promise<CheckReport> {
  const seeds = replicateSeeds(options.rootSeed, options.replicates);
  const { values, validationValues, runs, seconds } = await measureTargets(loaded, seeds, options);
  const complete = runs === seeds.length;
  // The nudges are not the check's replicates: they run without its progress callback.
  const { onOutcome: _progress, ...quiet } = options;
  const fits = complete && options.variant ? await fitsOfTargets(loaded, options.variant, values, seeds, quiet) : undefined;
  return {
    scenario: loaded.scenario.name,
    rootSeed: options.rootSeed,
    replicates: runs,
    secondsPerReplicate: runs > 0 ? seconds / runs : 0,
    verdicts: loaded.scenario.targets.map((target, t) => ({ ...judgeTarget(target, estimate(values[t]!)), fit: target.kind === 'input' ? 'input' : fits?.[t] })),
    validation: loaded.scenario.validation.map((figure, v) => ({ ...judgeTarget(figure, estimate(validationValues[v]!)), relation: figure.relation })),
    complete: complete && (fits !== undefined || !options.variant || !needsIdentification(loaded)),
  };
}

const needsIdentification = (loaded: LoadedScenario) => loaded.scenario.calibration.free.length > 0 && loaded.scenario.targets.some((target) => target.kind === 'reproduced');

/**
 * Each target's standing, from nudging every free parameter a tenth of its bounds on the first
 * IDENTIFY_REPLICATES seeds: fitted exactly or reproduced (inputs: undefined here). Without free
 * parameters nothing is fitted, so every reproduced target is the mechanisms' own.
 */
async function fitsOfTargets(
  loaded: LoadedScenario,
  variant: (overrides: string[]) => LoadedScenario,
  values: readonly (readonly number[])[],
  seeds: readonly number[],
  controls: PoolControls,
): Promise<(TargetFit | undefined)[] | undefined> {
  const { targets, calibration } = loaded.scenario;
  const reproduced = targets.flatMap((target, index) => (target.kind === 'reproduced' ? [{ target, index }] : []));
  if (!needsIdentification(loaded)) return targets.map((target) => (target.kind === 'reproduced' ? 'reproduced' : undefined));
  const space = new ParameterSpace(calibration.free);
  const fitted = calibration.free.map((parameter) => Number(valueAtPath(loaded.scenario, parameter.path)));
  const few = seeds.slice(0, IDENTIFY_REPLICATES);
  const meanOfFew = (column: readonly number[]) => estimate(column.slice(0, few.length)).mean;
  const moved: number[][] = [];
  for (let index = 0; index < fitted.length; index++) {
    const nudged = await measureTargets(variant(space.overrides(space.nudged(fitted, index))), few, controls);
    if (nudged.runs < few.length) return undefined;
    moved.push(reproduced.map(({ index: t }) => meanOfFew(nudged.values[t]!)));
  }
  const matrix = sensitivityMatrix(
    reproduced.map(({ target }) => target),
    reproduced.map(({ index }) => meanOfFew(values[index]!)),
    moved,
    fitted.map((_, index) => space.nudgeOf(fitted, index)),
  );
  const identification = identify(
    reproduced.map(({ target }) => target.id),
    calibration.free.map((parameter) => parameter.path),
    matrix,
  );
  return targets.map((target) => {
    const position = reproduced.findIndex((entry) => entry.target === target);
    return position < 0 ? undefined : identification.fit[position];
  });
}
