/**
 * `livesim check` over several scenarios, as functions the command calls: which scenarios and
 * how many replicates each (planCheck), running them one after another with the caller's
 * progress and printing around each (runChecks), and the files a check's run directory holds
 * (checkFiles). The command only parses, guards, claims, prints and sets the exit code.
 */
import { UsageError } from '../../errors.js';
import { scenarioVariants, type LoadedScenario } from '../../scenario/load.js';
import { presetNames } from '../../scenario/presets.js';
import { IDENTIFY_REPLICATES, checkScenario, type CheckReport } from './check.js';
import { checkedFigure } from './check-figures.js';
import { manifestText } from '../run/manifest.js';
import { MANIFEST, jsonText } from '../run/run-layout.js';
import type { TargetVerdict } from './targets.js';
import type { PoolControls, RemoteRunner } from '../batch/worker-pool.js';

export interface CheckRequest {
  readonly references: readonly string[];
  /** Every preset that has targets, instead of `references`. */
  readonly all?: boolean | undefined;
  readonly set: readonly string[];
  /** Replicates per scenario (default: each scenario's calibration.replicates). */
  readonly replicates?: number | undefined;
  /** Root seed (default: each scenario's own). */
  readonly seed?: number | undefined;
}

interface PlannedCheck {
  readonly loaded: LoadedScenario;
  readonly variant: (overrides: string[]) => LoadedScenario;
  readonly replicates: number;
  readonly rootSeed: number;
}

export interface CheckPlan {
  /** The scenarios with targets, in the order named. */
  readonly checked: readonly PlannedCheck[];
  /** Named, but with no targets to check. */
  readonly withoutTargets: readonly string[];
  /** Every scenario named (for the manifest). */
  readonly loaded: readonly LoadedScenario[];
  readonly rootSeed: number;
  /** For the resource guard: each checked scenario's runs, the free parameters' nudges included. */
  readonly work: readonly { readonly loaded: LoadedScenario; readonly runs: number }[];
}

export function planCheck(request: CheckRequest): CheckPlan {
  const names = request.all ? presetNames() : request.references;
  if (names.length === 0) throw new UsageError('name the scenarios to check, or pass --all', 'for example: livesim check --all');
  const variants = names.map((name) => scenarioVariants(name, { overrides: [...request.set] })).filter(({ base }) => !request.all || base.scenario.targets.length > 0);
  const checked = variants
    .filter(({ base }) => base.scenario.targets.length > 0)
    .map(({ base, variant }) => ({ loaded: base, variant, replicates: request.replicates ?? base.scenario.calibration.replicates, rootSeed: request.seed ?? base.scenario.seed }));
  const loaded = variants.map(({ base }) => base);
  return {
    checked,
    withoutTargets: variants.filter(({ base }) => base.scenario.targets.length === 0).map(({ base }) => base.scenario.name),
    loaded,
    rootSeed: request.seed ?? loaded[0]?.scenario.seed ?? 1,
    work: checked.map(({ loaded: scenario, replicates }) => ({ loaded: scenario, runs: replicates + scenario.scenario.calibration.free.length * IDENTIFY_REPLICATES })),
  };
}

export interface CheckOutcome {
  readonly reports: readonly CheckReport[];
  readonly verdicts: readonly (TargetVerdict & { readonly scenario: string })[];
  readonly validation: readonly (TargetVerdict & { readonly scenario: string })[];
  /** Every replicate of every scenario ran. */
  readonly complete: boolean;
  /** Complete, and every target passes (validation figures are reported, never judged: they were not fitted). */
  readonly pass: boolean;
  /** What summary.json and --json hold. */
  readonly result: { readonly pass: boolean; readonly complete: boolean; readonly results: readonly unknown[]; readonly validation: readonly unknown[] };
}

/** Runs one scenario's check: the caller wraps it in its progress and stop handling. */
type EachScenario = (name: string, planned: number, check: (signal: AbortSignal, onReplicate: (done: number) => void) => Promise<CheckReport>) => Promise<CheckReport>;

/** Checks the planned scenarios one after another, stopping after one that was stopped. */
export async function runChecks(plan: CheckPlan, controls: Pick<PoolControls, 'jobs' | 'remote'> & { readonly each: EachScenario; readonly onReport?: (report: CheckReport) => void }): Promise<CheckOutcome> {
  const reports: CheckReport[] = [];
  for (const { loaded, variant, replicates, rootSeed } of plan.checked) {
    const report = await controls.each(loaded.scenario.name, replicates, (signal, onReplicate) => {
      let done = 0;
      return checkScenario(loaded, { replicates, rootSeed, variant, signal, jobs: controls.jobs, remote: controls.remote, onOutcome: () => onReplicate(++done) });
    });
    reports.push(report);
    controls.onReport?.(report);
    if (!report.complete) break;
  }
  const verdicts = reports.flatMap((report) => report.verdicts.map((verdict) => ({ scenario: report.scenario, ...verdict })));
  const validation = reports.flatMap((report) => report.validation.map((verdict) => ({ scenario: report.scenario, ...verdict })));
  const complete = reports.every((report) => report.complete);
  const pass = complete && verdicts.every((verdict) => verdict.pass);
  return { reports, verdicts, validation, complete, pass, result: { pass, complete, results: verdicts.map(checkedFigure), validation: validation.map(checkedFigure) } };
}

/** A check's run directory: summary.json and the manifest (the scenarios checked, each resolved; the root seed; the most replicates any ran). */
export function checkFiles(plan: CheckPlan, outcome: CheckOutcome, run: { readonly createdAt: Date; readonly wallSeconds: number; readonly remote: RemoteRunner | undefined }): Record<string, string> {
  const { loaded } = plan;
  const manifest = manifestText({
    kind: 'check',
    complete: outcome.complete,
    scenario: loaded.map((scenario) => scenario.scenario.name).join(', '),
    scenarioHash: loaded.map((scenario) => scenario.hash).join('+'),
    seed: plan.rootSeed,
    replicates: Math.max(...plan.checked.map((scenario) => scenario.replicates)),
    sources: { files: loaded.flatMap((scenario) => scenario.files), overrides: [] },
    createdAt: run.createdAt,
    wallSeconds: run.wallSeconds,
    // A check measures targets, not one scenario's GMV: livesim runs shows none.
    headline: { gmv: 0, farmerRevenue: 0 },
    files: [MANIFEST, 'summary.json'],
    remote: run.remote,
    resolvedScenario: Object.fromEntries(loaded.map((scenario) => [scenario.scenario.name, scenario.scenario])),
  });
  return { 'summary.json': jsonText(outcome.result), [MANIFEST]: manifest };
}
