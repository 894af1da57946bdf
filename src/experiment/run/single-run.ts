/**
 * One run of a loaded scenario with one seed, and what it leaves behind: the summary (identical
 * for identical inputs), the manifest (which also records when and how long), and the CSVs.
 */
import { manifestText } from './manifest.js';
import type { Observable } from 'rxjs';
import { ModelRun, type ModelResult, type ModelRunControls } from '../../model/model-run.js';
import type { Snapshot } from '../../model/observation/snapshot.js';
import { compileScenario } from '../../scenario/compile.js';
import type { FarmerOutcomes } from '../../model/money/farmer-outcomes.js';
import { summarizeRun, type LedgerSummary, type RunMetrics, type SellersSummary } from '../../model/observation/summary.js';
import { VERSION } from '../../paths.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { broadcastsCsv, dailyTimeseriesCsv, householdsCsv, monthlyTimeseriesCsv } from './outputs.js';
import { MANIFEST, jsonText } from './run-layout.js';

export interface RunSummary {
  readonly scenario: string;
  readonly seed: number;
  readonly scenarioHash: string;
  /** False when the run was stopped before the scenario's end. */
  readonly complete: boolean;
  readonly livesimVersion: string;
  readonly simulated: { readonly start: string; readonly end: string; readonly reached: string };
  readonly engine: { readonly fidelity: 'agent' | 'cohort'; readonly events: number };
  readonly metrics: RunMetrics;
  readonly ledger: LedgerSummary;
  readonly sellers: SellersSummary;
  /** What live commerce changed for the farmers, per household group and in total. */
  readonly farmers: FarmerOutcomes;
}

export interface FinishedRun {
  readonly summary: RunSummary;
  readonly result: ModelResult;
  /** Wall-clock seconds the simulation took (not part of the summary: it differs run to run). */
  readonly wallSeconds: number;
}

/** A run ready to start; subscribe to `snapshots$` first to watch it. */
export class ScenarioRun {
  private readonly model: ModelRun;

  constructor(
    readonly loaded: LoadedScenario,
    readonly seed: number,
  ) {
    this.model = new ModelRun(compileScenario(loaded.scenario), seed);
  }

  get snapshots$(): Observable<Snapshot> {
    return this.model.snapshots$;
  }

  /** Pauses and resumes between slices of work (results do not depend on it). */
  get engine() {
    return this.model.simulation;
  }

  get horizon(): number {
    return this.model.world.calendar.horizon;
  }

  /** Emits a snapshot of the world now (for live views); results do not depend on it. */
  snapshotNow(): void {
    this.model.snapshotNow();
  }

  async run(controls: ModelRunControls = {}): Promise<FinishedRun> {
    const started = performance.now();
    const result = await this.model.run(controls);
    const wallSeconds = (performance.now() - started) / 1000;
    return { summary: summarize(this.loaded, this.seed, result), result, wallSeconds };
  }
}

function summarize(loaded: LoadedScenario, seed: number, result: ModelResult): RunSummary {
  const { metrics, ledger, sellers, farmers } = summarizeRun(result);
  const calendar = result.world.calendar;
  return {
    scenario: loaded.scenario.name,
    seed,
    scenarioHash: loaded.hash,
    complete: result.complete,
    livesimVersion: VERSION,
    simulated: { start: calendar.timeLabel(0), end: calendar.timeLabel(calendar.horizon), reached: calendar.timeLabel(result.reached) },
    engine: { fidelity: loaded.scenario.fidelity, events: result.events },
    metrics,
    ledger,
    sellers,
    farmers,
  };
}

/** The run directory's files: name -> content. */
export function runFiles(loaded: LoadedScenario, run: FinishedRun, createdAt: Date): Record<string, string> {
  const { summary, result } = run;
  const files: Record<string, string> = {
    'summary.json': jsonText(summary),
    'timeseries.csv': monthlyTimeseriesCsv(result),
    'timeseries-daily.csv': dailyTimeseriesCsv(result),
    'broadcasts.csv': broadcastsCsv(result),
    'households.csv': householdsCsv(result),
  };
  files[MANIFEST] = manifestText({
    kind: 'run',
    complete: summary.complete,
    scenario: summary.scenario,
    scenarioHash: summary.scenarioHash,
    seed: summary.seed,
    replicates: 1,
    sources: { files: [...loaded.files], overrides: [...loaded.overrides] },
    createdAt,
    wallSeconds: run.wallSeconds,
    headline: { gmv: summary.metrics.gmv, farmerRevenue: summary.metrics.farmerRevenue, reached: summary.simulated.reached },
    files: Object.keys(files).sort(),
    resolvedScenario: loaded.scenario,
  });
  return files;
}

