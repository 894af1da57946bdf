/**
 * The studio's work, apart from its screen: a baseline and a tweak of one scenario, compared on
 * the same replicate seeds (runPaired: the comparison narrows as pairs finish). A change cancels
 * the replicates still running for the last one at once and starts over; the baseline's rows
 * are kept once computed, so a new tweak runs only its own side. Pinning makes the tweak the
 * baseline; resetting drops the tweak. Every finished comparison goes into the history.
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import { ScenarioError, formatProblem } from '../../errors.js';
import type { LoadedScenario } from '../../scenario/load.js';
import type { BatchRow } from '../batch/replicate-rows.js';
import { replicateSeeds } from '../batch/replicates.js';
import type { Comparison } from '../analysis/compare.js';
import { runPaired } from '../analysis/paired-run.js';
import { toCsv } from '../batch/csv.js';
import { numberAt, savedTweakText, type Tweak } from './saved-tweak.js';
import { studioParameters, type StudioParameter } from './studio-parameters.js';

/** What the studio compares: what reaches the farmers first. */
export const STUDIO_METRICS = ['gain', 'farmerRevenue', 'householdsAboveLine', 'gmv', 'ledger.intermediaryMargin', 'lostGmv'] as const;

/** Loaded scenarios kept for reuse. */
const LOADED_KEPT = 16;
/** Milliseconds between a change and the start of its replicates. */
const START_DELAY_MS = 30;

export interface StudioUpdate {
  /** The tweak: each changed parameter, its value and the baseline's. */
  readonly tweaks: readonly Tweak[];
  /** The comparison of the pairs finished so far (undefined before the first, or with no tweak). */
  readonly comparison: Comparison | undefined;
  readonly planned: number;
  readonly running: boolean;
  /** Why the comparison failed (a replicate's error), when it did. */
  readonly error?: string | undefined;
}

export interface HistoryEntry {
  readonly tweaks: readonly Tweak[];
  readonly comparison: Comparison;
}

export interface StudioOptions {
  readonly replicates: number;
  readonly rootSeed: number;
  readonly jobs?: number | undefined;
}

export class StudioSession {
  readonly parameters: readonly StudioParameter[];
  readonly seeds: readonly number[];
  private readonly updates = new BehaviorSubject<StudioUpdate>({ tweaks: [], comparison: undefined, planned: 0, running: false });
  /** Values pinned into the baseline, then the tweak on top of it, by path. */
  private readonly pinned = new Map<string, number>();
  private readonly tweak = new Map<string, number>();
  private baselineRows: readonly BatchRow[] | undefined;
  /** The tweak's rows, once every seed finished and until the tweak changes. */
  private tweakRows: readonly BatchRow[] | undefined;
  private running: AbortController | undefined;
  /** Scenarios loaded for the last few sets of overrides, so that a value tried again (or the baseline) loads once. */
  private readonly loaded = new Map<string, LoadedScenario>();
  private readonly tried: HistoryEntry[] = [];

  constructor(
    /** The scenario as given (a preset's name or a file): what a saved tweak extends. */
    readonly reference: string,
    /** Loads the scenario with --set overrides (the same checks and messages as --set). */
    private readonly load: (overrides: readonly string[]) => LoadedScenario,
    private readonly options: StudioOptions,
  ) {
    this.parameters = studioParameters(load([]).scenario);
    this.seeds = replicateSeeds(options.rootSeed, options.replicates);
  }

  get updates$(): Observable<StudioUpdate> {
    return this.updates.asObservable();
  }

  /** The parameter's value now: the tweak's, the pinned baseline's, or the scenario's. */
  valueOf(path: string): number {
    return this.tweak.get(path) ?? this.pinned.get(path) ?? this.parameters.find((parameter) => parameter.path === path)!.value;
  }

  /** Sets a parameter in the tweak and starts comparing; returns the scenario's objection (as --set reports it), if any. */
  set(path: string, value: number): string | undefined {
    const next = new Map(this.tweak);
    if (value === this.baselineValue(path)) next.delete(path);
    else next.set(path, value);
    try {
      this.loadWith(overrides(this.pinned, next));
    } catch (error) {
      // In --set's words (the same formatter), on one line, without the `--set path=value:` just typed.
      if (error instanceof ScenarioError) return error.problems.map((problem) => formatProblem(problem).replace(/^--set \S+: /, '').replace(/\n\s*/g, ' · ')).join(' · ');
      throw error;
    }
    this.tweak.clear();
    for (const [key, each] of next) this.tweak.set(key, each);
    this.restart();
    return undefined;
  }

  /** The tweak becomes the baseline (its rows too, once complete). */
  pin(): void {
    for (const [path, value] of this.tweak) this.pinned.set(path, value);
    this.tweak.clear();
    this.baselineRows = this.tweakRows;
    this.restart();
  }

  /** Drops the tweak: back to the baseline. */
  reset(): void {
    this.tweak.clear();
    this.restart();
  }

  /** Every comparison that finished, oldest first. */
  get history(): readonly HistoryEntry[] {
    return this.tried;
  }

  /** The tweak, pinned values included, as a file extending the scenario (to be written at `file`). */
  savedText(file: string): string {
    const all = new Map([...this.pinned, ...this.tweak]);
    const original = this.load([]).scenario;
    const tweaks = [...all].map(([path, value]) => ({ path, value, was: numberAt(original, path) }));
    return savedTweakText(this.reference, file, tweaks, this.load(overrides(this.pinned, this.tweak)).scenario);
  }

  /** The `compare` command that gives the last comparison again, from the saved file. */
  compareCommand(file: string): string {
    const pins = [...this.pinned].map(([path, value]) => ` --set-a ${path}=${value}`).join('');
    return `livesim compare ${this.reference} ${file} --replicates ${this.options.replicates} --seed ${this.options.rootSeed}${pins}`;
  }

  /** The history as CSV: one row per finished comparison and metric. */
  historyCsv(): string {
    const header = ['tweak', 'replicates', 'metric', 'aMean', 'bMean', 'deltaMean', 'deltaLow', 'deltaHigh', 'relative', 'significant'];
    const rows = this.tried.flatMap((entry) =>
      entry.comparison.metrics.map((metric) => [
        entry.tweaks.map((tweak) => `${tweak.path}=${tweak.value}`).join(' '),
        entry.comparison.replicates,
        metric.name,
        metric.a.mean,
        metric.b.mean,
        metric.delta.mean,
        metric.delta.ci95[0],
        metric.delta.ci95[1],
        metric.relative?.mean ?? '',
        metric.significant,
      ]),
    );
    return toCsv(header, rows);
  }

  /** Stops what is running; the session is done. */
  close(): void {
    this.running?.abort();
    this.updates.complete();
  }

  /** The scenario with `list` applied (a refusal thrown as --set throws it), loaded once per set of overrides. */
  private loadWith(list: readonly string[]): LoadedScenario {
    const key = JSON.stringify(list);
    let loaded = this.loaded.get(key);
    if (loaded === undefined) {
      loaded = this.load(list);
      // The oldest goes first: a long session keeps a handful, not every value it stepped through.
      if (this.loaded.size >= LOADED_KEPT) this.loaded.delete(this.loaded.keys().next().value!);
    }
    this.loaded.delete(key);
    this.loaded.set(key, loaded);
    return loaded;
  }

  private baselineValue(path: string): number {
    return this.pinned.get(path) ?? this.parameters.find((parameter) => parameter.path === path)!.value;
  }

  private tweaks(): Tweak[] {
    return [...this.tweak].map(([path, value]) => ({ path, value, was: this.baselineValue(path) }));
  }

  /** Cancels the replicates of the last change at once, and compares the new tweak. */
  private restart(): void {
    this.running?.abort();
    this.tweakRows = undefined;
    const tweaks = this.tweaks();
    if (tweaks.length === 0) {
      this.running = undefined;
      this.updates.next({ tweaks, comparison: undefined, planned: 0, running: false });
      return;
    }
    const controller = new AbortController();
    this.running = controller;
    this.updates.next({ tweaks, comparison: undefined, planned: this.seeds.length, running: true });
    this.compare(tweaks, controller.signal).catch((error: unknown) => {
      if (!controller.signal.aborted) this.updates.next({ tweaks, comparison: undefined, planned: this.seeds.length, running: false, error: error instanceof Error ? error.message : String(error) });
    });
  }

  private async compare(tweaks: readonly Tweak[], signal: AbortSignal): Promise<void> {
    // A moment later: the key's frame is drawn first, and of a quick run of steps only the last
    // starts any work (the stale ones were cancelled at once, in restart).
    await new Promise((resolve) => setTimeout(resolve, START_DELAY_MS));
    if (signal.aborted) return;
    const baseline = this.baselineRows ? { rows: this.baselineRows } : { loaded: this.loadWith(overrides(this.pinned, new Map())) };
    const tweaked = { loaded: this.loadWith(overrides(this.pinned, this.tweak)) };
    const ran = await runPaired([baseline, tweaked], this.seeds, {
      jobs: this.options.jobs,
      // Worker threads even for one job: the screen's thread must stay free to answer keys.
      forceWorkers: true,
      signal,
      metrics: STUDIO_METRICS,
      onPair: (comparison) => !signal.aborted && this.updates.next({ tweaks, comparison, planned: this.seeds.length, running: true }),
    });
    if (signal.aborted) return;
    if (ran.complete) {
      this.baselineRows = ran.rows[0];
      this.tweakRows = ran.rows[1];
      this.tried.push({ tweaks, comparison: ran.comparison });
    }
    this.updates.next({ tweaks, comparison: ran.comparison, planned: this.seeds.length, running: false });
  }
}

function overrides(pinned: ReadonlyMap<string, number>, tweak: ReadonlyMap<string, number>): string[] {
  return [...new Map([...pinned, ...tweak])].map(([path, value]) => `${path}=${value}`);
}
