/**
 * `run --watch`: a scenario file watched, and every saved version run on the same replicate
 * seeds as the one before, so each new result comes with the paired change from the previous
 * version (runPaired: only the new version runs; the last good version's rows are kept). A file
 * that no longer loads is reported as it stands and the last good result stays. A save while a
 * version runs cancels it and runs the newest (a save that does not load leaves it running).
 * The files watched are the named file and every file it extends, as they were at the last good
 * load, and any file a refusal names (a file newly extended may be the broken one).
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { ScenarioError } from '../../errors.js';
import type { LoadedScenario } from '../../scenario/load.js';
import type { Comparison } from '../analysis/compare.js';
import { runPaired } from '../analysis/paired-run.js';
import { runWithSeeds } from '../batch/batch-sides.js';
import type { BatchRow } from '../batch/replicate-rows.js';
import { replicateSeeds } from '../batch/replicates.js';

export type WatchEvent =
  /** A version ran: its rows, and the paired change from the previous good version (none for the first). */
  | {
      readonly kind: 'result';
      readonly version: number;
      readonly loaded: LoadedScenario;
      readonly rows: readonly BatchRow[];
      /** The paired change from version `against`, the last good one before it. */
      readonly comparison: Comparison | undefined;
      readonly against: number | undefined;
      readonly complete: boolean;
    }
  /** A version did not load, or failed as it ran: why; the last good result stands. */
  | { readonly kind: 'invalid'; readonly version: number; readonly error: unknown; readonly lastGood: number | undefined };

export interface WatchOptions {
  readonly replicates: number;
  /** The root seed of the replicate seeds (default: the first version's own). */
  readonly rootSeed?: number | undefined;
  readonly jobs?: number | undefined;
  /** Quiet time after a save before the file is read (editors write in several steps). */
  readonly settleMs?: number;
  /** Ends the watch, stopping a version mid-run; what ran is kept. */
  readonly signal: AbortSignal;
}

/** Watches `load`'s files until `signal` aborts, calling `onEvent` for every version. */
export async function watchScenario(load: () => LoadedScenario, options: WatchOptions, onEvent: (event: WatchEvent) => void): Promise<void> {
  const watch = new ScenarioWatch(load, options, onEvent);
  await watch.start();
  await new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  watch.stop();
}

class ScenarioWatch {
  private version = 0;
  private lastGood: { version: number; rows: readonly BatchRow[]; files: readonly string[] } | undefined;
  private seeds: readonly number[] | undefined;
  private running: AbortController | undefined;
  private watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly load: () => LoadedScenario,
    private readonly options: WatchOptions,
    private readonly onEvent: (event: WatchEvent) => void,
  ) {
    // Ending the watch stops the version running, the first one included.
    options.signal.addEventListener('abort', () => this.running?.abort(), { once: true });
  }

  /** Runs the first version and starts watching. */
  async start(): Promise<void> {
    await this.runVersion();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.running?.abort();
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
  }

  /** Watches the directories of `files` (an editor may replace a file rather than write it), for those files' names. */
  private watchFiles(files: readonly string[]): void {
    if (this.options.signal.aborted) return;
    for (const watcher of this.watchers) watcher.close();
    const byDirectory = new Map<string, Set<string>>();
    for (const file of files) {
      const directory = path.dirname(path.resolve(file));
      if (!byDirectory.has(directory)) byDirectory.set(directory, new Set());
      byDirectory.get(directory)!.add(path.basename(file));
    }
    this.watchers = [...byDirectory].map(([directory, names]) =>
      watch(directory, (_event, name) => {
        if (name !== null && names.has(String(name))) this.saved();
      }),
    );
  }

  private saved(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runVersion(), this.options.settleMs ?? 150);
  }

  private async runVersion(): Promise<void> {
    if (this.options.signal.aborted) return;
    const version = ++this.version;
    let loaded: LoadedScenario;
    try {
      loaded = this.load();
    } catch (error) {
      this.onEvent({ kind: 'invalid', version, error, lastGood: this.lastGood?.version });
      // What was watched, and the files the refusal names (one newly extended may be the broken one).
      const named = error instanceof ScenarioError ? error.problems.map((problem) => problem.file).filter((file) => !file.startsWith('--set')) : [];
      this.watchFiles([...(this.lastGood?.files ?? []), ...named]);
      return;
    }
    this.running?.abort();
    this.watchFiles(loaded.files);
    const controller = new AbortController();
    this.running = controller;
    try {
      await this.runLoaded(version, loaded, controller.signal);
    } catch (error) {
      // A version that loads may still fail as it runs (a magnitude past the exact): said, the last good result standing.
      if (!controller.signal.aborted) this.onEvent({ kind: 'invalid', version, error, lastGood: this.lastGood?.version });
    }
  }

  private async runLoaded(version: number, loaded: LoadedScenario, signal: AbortSignal): Promise<void> {
    this.seeds ??= replicateSeeds(this.options.rootSeed ?? loaded.scenario.seed, this.options.replicates);
    const controls = { jobs: this.options.jobs, signal };
    const previous = this.lastGood;
    const ran = previous
      ? await runPaired([{ rows: previous.rows }, { loaded }], this.seeds, controls)
      : await runWithSeeds([loaded], this.seeds, controls).then((batch) => ({ rows: [[], batch.rows[0]!] as const, complete: batch.complete, comparison: undefined }));
    if (signal.aborted) return;
    const rows = ran.rows[1];
    if (ran.complete) this.lastGood = { version, rows, files: loaded.files };
    this.onEvent({ kind: 'result', version, loaded, rows, comparison: ran.comparison, against: previous?.version, complete: ran.complete });
  }
}
