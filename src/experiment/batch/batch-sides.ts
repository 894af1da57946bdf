/**
 * The two sides of a comparison (or the cases of a sweep): scenarios to run, or batches stored
 * in run directories. Scenarios run together in one pool, all with the same replicate seeds.
 */
import path from 'node:path';
import type { LoadedScenario } from '../../scenario/load.js';
import { parseBatchCsv, replicateRow, type BatchRow } from './replicate-rows.js';
import type { ReplicateOutcome, TaskExtras } from './replicate-task.js';
import { replicateTasks } from './replicates.js';
import { REPLICATES_TIMESERIES, type ReplicateMonths } from './replicate-timeseries.js';
import { UsageError } from '../../errors.js';
import { readManifest, type Manifest } from '../run/manifest.js';
import { entryExists, isEntry, readRegularFile } from '../../files/safe-read.js';
import { MANIFEST, REPLICATES_CSV } from '../run/run-layout.js';
import { runTasks, type PoolControls } from './worker-pool.js';

/** A batch read from a run directory (made by run --replicates). */
export interface StoredBatch {
  readonly directory: string;
  readonly scenario: string;
  readonly scenarioHash: string;
  readonly rows: readonly BatchRow[];
  /** Its replicates-timeseries.csv as written, when it has one. */
  readonly monthsCsv: string | undefined;
}

/** A run directory (a directory holding a manifest) rather than a scenario: compare reads it as a stored batch. */
export function isRunDirectory(candidate: string): boolean {
  // The path the user typed may be a link to a run directory; what is inside it is read as its own files.
  return isEntry(candidate, 'directory', { followLinks: true }) && entryExists(path.join(candidate, MANIFEST));
}

/** A stored batch's manifest and its seeds (before its rows are read: a batch of 50,000 seeds is refused from these). */
export function storedBatchManifest(directory: string): Manifest & { readonly seeds: readonly number[] } {
  const manifest = readManifest(directory);
  if (manifest.kind !== 'replicates' || manifest.seeds === undefined) {
    const what = manifest.kind === 'run' ? 'a single run' : `a ${manifest.kind}`;
    throw new UsageError(`${directory} holds ${what}, not a batch of replicates: compare pairs replicates by seed`, 'compare batches made by livesim run --replicates N, or compare the scenarios themselves');
  }
  return { ...manifest, seeds: manifest.seeds };
}

export function readStoredBatch(directory: string): StoredBatch {
  const manifest = storedBatchManifest(directory);
  const file = path.join(directory, REPLICATES_CSV);
  const text = readRegularFile(file) ?? '';
  let rows: BatchRow[];
  try {
    rows = parseBatchCsv(text, ['replicate', 'seed', 'scenarioHash']);
  } catch (error) {
    throw new UsageError(`${file} is damaged: ${(error as Error).message}`, 'run the batch again');
  }
  if (rows.length === 0) throw new UsageError(`${directory} holds no finished replicate (it was stopped before the first one)`, 'run the batch again, or compare the scenarios themselves');
  const seeds = new Set(manifest.seeds);
  const stray = rows.find((row) => !seeds.has(Number(row.keys.seed)) || !Number.isFinite(Number(row.keys.seed)));
  if (stray !== undefined) throw new UsageError(`${directory}: ${REPLICATES_CSV} has a row whose seed its manifest does not list`, 'run the batch again');
  const monthsCsv = readRegularFile(path.join(directory, REPLICATES_TIMESERIES), { optional: true });
  return { directory, scenario: manifest.scenario, scenarioHash: manifest.scenarioHash, rows, monthsCsv };
}

/** How runWithSeeds hands out its tasks: scenario by scenario, or seed by seed (each seed's scenarios together, so pairs finish early). */
export type SeedOrder = 'by-scenario' | 'by-seed';

/**
 * Runs every scenario with every seed (in one pool), bringing back what `keep` asks for besides
 * the summaries; returns each scenario's outcomes, rows and months in seed order, and whether all
 * finished. `onRow` hears each replicate as it finishes (its scenario's index and its row); the
 * order tasks are handed out in never changes a result.
 */
export async function runWithSeeds(
  scenarios: readonly LoadedScenario[],
  seeds: readonly number[],
  controls: PoolControls & {
    readonly keep?: TaskExtras;
    readonly onProgress?: (done: number, total: number) => void;
    readonly order?: SeedOrder;
    readonly onRow?: (scenario: number, row: BatchRow) => void;
  } = {},
): Promise<{ outcomes: ReplicateOutcome[][]; rows: BatchRow[][]; months: ReplicateMonths[][]; complete: boolean }> {
  const tasks = scenarios.flatMap((loaded, side) => replicateTasks(loaded, seeds, controls.keep, side * seeds.length));
  // By seed: task id side * seeds + index, handed out index by index.
  if (controls.order === 'by-seed') tasks.sort((x, y) => (x.id % seeds.length) - (y.id % seeds.length) || x.id - y.id);
  let done = 0;
  const rowOf = (outcome: ReplicateOutcome) => replicateRow(outcome.summary, outcome.id % seeds.length, outcome.id % seeds.length);
  const onOutcome = (outcome: ReplicateOutcome) => {
    controls.onRow?.(Math.floor(outcome.id / seeds.length), rowOf(outcome));
    controls.onProgress?.(++done, tasks.length);
  };
  const finished = await runTasks(tasks, { ...controls, onOutcome });
  const outcomes = scenarios.map(() => [] as ReplicateOutcome[]);
  const rows = scenarios.map(() => [] as BatchRow[]);
  const months = scenarios.map(() => [] as ReplicateMonths[]);
  for (const outcome of finished.sort((a, b) => a.id - b.id)) {
    const side = Math.floor(outcome.id / seeds.length);
    const index = outcome.id % seeds.length;
    outcomes[side]!.push(outcome);
    rows[side]!.push(rowOf(outcome));
    if (outcome.months) months[side]!.push({ replicate: index, seed: outcome.seed, months: outcome.months });
  }
  return { outcomes, rows, months, complete: finished.length === tasks.length };
}
