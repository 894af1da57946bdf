/**
 * The two sides of a comparison (or the cases of a sweep): scenarios to run, or batches stored
 * in run directories. Scenarios run together in one pool, all with the same replicate seeds.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadedScenario } from '../scenario/load.js';
import { parseBatchCsv, replicateRow, type BatchRow } from './replicate-rows.js';
import type { ReplicateOutcome, TaskExtras } from './replicate-task.js';
import { replicateTasks } from './replicates.js';
import { REPLICATES_TIMESERIES, type ReplicateMonths } from './replicate-timeseries.js';
import { UsageError } from '../errors.js';
import { readManifest } from './manifest.js';
import { MANIFEST } from './run-store.js';
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

export function isBatchDirectory(candidate: string): boolean {
  return existsSync(path.join(candidate, MANIFEST)) && existsSync(path.join(candidate, 'replicates.csv'));
}

export function readStoredBatch(directory: string): StoredBatch {
  const manifest = readManifest(directory);
  if (manifest.kind !== 'replicates' || manifest.seeds === undefined) {
    throw new UsageError(`${directory} holds a ${manifest.kind}, not a batch of replicates with their seeds`, 'compare stored batches made by livesim run --replicates');
  }
  let rows: BatchRow[];
  try {
    rows = parseBatchCsv(readFileSync(path.join(directory, 'replicates.csv'), 'utf8'), ['replicate', 'seed', 'scenarioHash']);
  } catch (error) {
    throw new UsageError(`${path.join(directory, 'replicates.csv')} cannot be read: ${(error as Error).message}`, 'run the batch again');
  }
  const seeds = new Set(manifest.seeds);
  const stray = rows.find((row) => !seeds.has(Number(row.keys.seed)) || !Number.isFinite(Number(row.keys.seed)));
  if (stray !== undefined) throw new UsageError(`${directory}: replicates.csv has a row (seed ${String(stray.keys.seed)}) that its manifest does not list`, 'run the batch again');
  const monthsFile = path.join(directory, REPLICATES_TIMESERIES);
  const monthsCsv = existsSync(monthsFile) ? readFileSync(monthsFile, 'utf8') : undefined;
  return { directory, scenario: manifest.scenario, scenarioHash: manifest.scenarioHash, rows, monthsCsv };
}

/**
 * Runs every scenario with every seed (in one pool), bringing back what `keep` asks for besides
 * the summaries; returns each scenario's outcomes, rows and months in seed order, and whether all
 * finished.
 */
export async function runWithSeeds(
  scenarios: readonly LoadedScenario[],
  seeds: readonly number[],
  controls: PoolControls & { readonly keep?: TaskExtras; readonly onProgress?: (done: number, total: number) => void } = {},
): Promise<{ outcomes: ReplicateOutcome[][]; rows: BatchRow[][]; months: ReplicateMonths[][]; complete: boolean }> {
  const tasks = scenarios.flatMap((loaded, side) => replicateTasks(loaded, seeds, controls.keep, side * seeds.length));
  let done = 0;
  const finished = await runTasks(tasks, { ...controls, onOutcome: () => controls.onProgress?.(++done, tasks.length) });
  const outcomes = scenarios.map(() => [] as ReplicateOutcome[]);
  const rows = scenarios.map(() => [] as BatchRow[]);
  const months = scenarios.map(() => [] as ReplicateMonths[]);
  for (const outcome of finished.sort((a, b) => a.id - b.id)) {
    const side = Math.floor(outcome.id / seeds.length);
    const index = outcome.id % seeds.length;
    outcomes[side]!.push(outcome);
    rows[side]!.push(replicateRow(outcome.summary, index, index));
    if (outcome.months) months[side]!.push({ replicate: index, seed: outcome.seed, months: outcome.months });
  }
  return { outcomes, rows, months, complete: finished.length === tasks.length };
}
