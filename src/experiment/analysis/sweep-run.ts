/**
 * `livesim sweep` as functions the command calls: the cases, replicates, metrics and seed, from
 * the command's options or else the scenario's `sweep:` block (planSweep), and the files its run
 * directory holds (sweepFiles). Running the cases is runSweep (sweep.ts).
 */
import type { LoadedScenario } from '../../scenario/load.js';
import { manifestText } from '../run/manifest.js';
import { MANIFEST, SWEEP_CSV, jsonText } from '../run/run-layout.js';
import type { Estimate } from '../batch/statistics.js';
import { parseVary, sweepCases, sweepSummary, type SweepCase, type SweepResult, type SweepSummary } from './sweep.js';
import type { RemoteRunner } from '../batch/worker-pool.js';

export interface SweepRequest {
  /** --vary expressions; none: the scenario's sweep block. */
  readonly vary: readonly string[];
  readonly replicates?: number | undefined;
  readonly metrics: readonly string[];
  readonly seed?: number | undefined;
}

export interface SweepPlan {
  readonly cases: readonly SweepCase[];
  readonly replicates: number;
  /** The metrics the summary table shows. */
  readonly metrics: readonly string[];
  readonly rootSeed: number;
  /** Where a case's values came from, for messages about them: --vary or the file's sweep: block. */
  readonly flag: '--vary' | 'sweep:';
}

const DEFAULT_METRICS = ['gmv', 'orders', 'farmerRevenue', 'householdsAboveLine'];

export function planSweep(base: LoadedScenario, request: SweepRequest): SweepPlan {
  const block = base.scenario.sweep;
  const fromOptions = request.vary.length > 0;
  return {
    cases: sweepCases(fromOptions ? { vary: request.vary.map(parseVary), cases: [] } : { vary: block?.vary ?? [], cases: block?.cases ?? [] }),
    replicates: request.replicates ?? block?.replicates ?? 5,
    metrics: request.metrics.length > 0 ? request.metrics : (block?.metrics ?? DEFAULT_METRICS),
    rootSeed: request.seed ?? base.scenario.seed,
    flag: fromOptions ? '--vary' : 'sweep:',
  };
}

/** The largest mean GMV and farmer revenue over the cases (for `livesim runs`). */
function headline(byCase: readonly Readonly<Record<string, Estimate>>[]) {
  const best = (metric: string) => Math.max(0, ...byCase.map((estimates) => estimates[metric]?.mean ?? 0));
  return { gmv: best('gmv'), farmerRevenue: best('farmerRevenue') };
}

/** A sweep's summary (what --json prints) and its run directory: summary.json, sweep.csv (a row per case and replicate) and the manifest. */
export function sweepFiles(
  base: LoadedScenario,
  plan: SweepPlan,
  result: SweepResult,
  run: { readonly createdAt: Date; readonly wallSeconds: number; readonly remote: RemoteRunner | undefined },
): { readonly summary: SweepSummary; readonly files: Record<string, string> } {
  const summary = sweepSummary(base.scenario.name, plan.rootSeed, plan.replicates, result);
  const files = {
    'summary.json': jsonText(summary),
    [SWEEP_CSV]: result.rowsCsv,
    [MANIFEST]: manifestText({
      kind: 'sweep',
      complete: result.complete,
      scenario: base.scenario.name,
      scenarioHash: base.hash,
      seed: plan.rootSeed,
      replicates: plan.replicates,
      cases: plan.cases.length,
      sources: { files: [...base.files], overrides: [...base.overrides] },
      createdAt: run.createdAt,
      wallSeconds: run.wallSeconds,
      headline: headline(result.byCase),
      files: [MANIFEST, 'summary.json', SWEEP_CSV],
      remote: run.remote,
      resolvedScenario: base.scenario,
    }),
  };
  return { summary, files };
}
