/**
 * A paired comparison computed as its replicates finish: A and B run on the same seeds (common
 * random numbers), seed by seed so that pairs complete early, and every completed pair updates
 * the comparison. It serves `compare` (which reads its rows in seed order, as it always did),
 * the studio and watch mode (which show each update); the statistics are comparePaired's, never
 * a second copy. A side may be
 * rows already computed (a stored batch, or a baseline the studio keeps) instead of a scenario.
 * Stopping through `signal` keeps the pairs that finished.
 */
import type { LoadedScenario } from '../../scenario/load.js';
import { runWithSeeds } from '../batch/batch-sides.js';
import type { BatchRow } from '../batch/replicate-rows.js';
import type { TaskExtras } from '../batch/replicate-task.js';
import type { ReplicateMonths } from '../batch/replicate-timeseries.js';
import type { PoolControls } from '../batch/worker-pool.js';
import { comparePaired, type Comparison } from './compare.js';

/** A side: a scenario to run on the seeds, or rows already computed (paired with the other side by seed). */
export type PairedSide = { readonly loaded: LoadedScenario; readonly rows?: undefined } | { readonly loaded?: undefined; readonly rows: readonly BatchRow[] };

export interface PairedRunControls extends PoolControls {
  readonly keep?: TaskExtras;
  /** The metrics compared (default: all). */
  readonly metrics?: readonly string[];
  readonly onProgress?: (done: number, total: number) => void;
  /** Each time a seed's pair completes: the comparison of every pair so far. */
  readonly onPair?: (comparison: Comparison) => void;
}

export interface PairedRun {
  /** Each side's rows (run or given), in seed order. */
  readonly rows: readonly [readonly BatchRow[], readonly BatchRow[]];
  /** Each run side's months (empty for a side given as rows), in seed order. */
  readonly months: readonly [readonly ReplicateMonths[], readonly ReplicateMonths[]];
  /** Every scenario side ran every seed. */
  readonly complete: boolean;
  /** The comparison of the pairs that finished. */
  readonly comparison: Comparison;
}

/** Rows of A and B arriving in any order, paired by seed. */
class PairedTally {
  private readonly sides: [Map<number, BatchRow>, Map<number, BatchRow>] = [new Map(), new Map()];

  constructor(private readonly metrics?: readonly string[]) {}

  /** Adds a row of side 0 (A) or 1 (B); true when it completes its seed's pair. */
  add(side: 0 | 1, row: BatchRow): boolean {
    const seed = Number(row.keys.seed);
    this.sides[side].set(seed, row);
    return this.sides[1 - side]!.has(seed);
  }

  /** The comparison of the pairs so far, in `seeds`' order. */
  comparison(seeds: readonly number[]): Comparison {
    const ordered = (side: 0 | 1) => seeds.flatMap((seed) => this.sides[side].get(seed) ?? []);
    return comparePaired(ordered(0), ordered(1), this.metrics);
  }
}

export async function runPaired(sides: readonly [PairedSide, PairedSide], seeds: readonly number[], controls: PairedRunControls = {}): Promise<PairedRun> {
  const tally = new PairedTally(controls.metrics);
  const toRun = sides.flatMap((side, index) => (side.loaded === undefined ? [] : [{ loaded: side.loaded, side: index as 0 | 1 }]));
  for (const [index, side] of sides.entries()) for (const row of side.rows ?? []) tally.add(index as 0 | 1, row);
  const ran = await runWithSeeds(
    toRun.map((entry) => entry.loaded),
    seeds,
    {
      ...controls,
      order: 'by-seed',
      onRow: (scenario, row) => {
        if (tally.add(toRun[scenario]!.side, row)) controls.onPair?.(tally.comparison(seeds));
      },
    },
  );
  const rowsOf = (index: 0 | 1) => sides[index].rows ?? ran.rows[toRun.findIndex((entry) => entry.side === index)]!;
  const monthsOf = (index: 0 | 1) => (sides[index].rows ? [] : ran.months[toRun.findIndex((entry) => entry.side === index)]!);
  return { rows: [rowsOf(0), rowsOf(1)], months: [monthsOf(0), monthsOf(1)], complete: ran.complete, comparison: tally.comparison(seeds) };
}
