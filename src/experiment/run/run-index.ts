/** The run store: what is in a runs/ directory, read from each run's manifest. */
import path from 'node:path';
import { FileError, UsageError } from '../../errors.js';
import { entryExists, isEntry, listEntries } from '../../files/safe-read.js';
import { printable } from '../../printable.js';
import { readManifest, type Manifest } from './manifest.js';
import { MANIFEST } from './run-layout.js';
import { shortIds } from './run-reference.js';

export interface StoredRun {
  /** The run's directory name. */
  readonly id: string;
  /** The few hex digits that name it among the runs listed with it (run-reference.ts). */
  readonly shortId: string;
  readonly directory: string;
  readonly kind: Manifest['kind'];
  readonly scenario: string;
  readonly seed: number;
  readonly replicates: number;
  /** The --set overrides it ran with. */
  readonly overrides: readonly string[];
  readonly createdAt: string;
  readonly complete: boolean;
  /** Yuan: the run's, or the mean over replicates (for a sweep: the largest case mean). */
  readonly gmv: number;
  readonly farmerRevenue: number;
}

/**
 * Runs under `root`, newest first. Entries that are not directories (links included: a `latest`
 * link, a loop of links) and directories without a manifest (a run still writing, or something
 * else) are passed over; ones whose manifest is broken (or a FIFO, a link) are listed in `skipped`.
 */
export function listRuns(root: string): { runs: StoredRun[]; skipped: string[] } {
  if (!entryExists(root)) return { runs: [], skipped: [] };
  // --dir is the user's own path: a link to a directory of runs is followed.
  if (!isEntry(root, 'directory', { followLinks: true })) throw new UsageError(`${root} is not a directory of runs`, 'pass --dir with the directory livesim run writes into');
  const runs: StoredRun[] = [];
  const skipped: string[] = [];
  const entries = listEntries(root).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  for (const name of entries) {
    const directory = path.join(root, name);
    const id = printable(name);
    if (!entryExists(path.join(directory, MANIFEST))) continue;
    let manifest: Manifest;
    try {
      manifest = readManifest(directory);
    } catch (error) {
      if (!(error instanceof UsageError) && !(error instanceof FileError)) throw error;
      skipped.push(id);
      continue;
    }
    runs.push({
      id,
      shortId: '',
      directory,
      kind: manifest.kind,
      scenario: manifest.scenario,
      seed: manifest.seed,
      replicates: manifest.replicates,
      overrides: manifest.sources.overrides,
      createdAt: manifest.createdAt,
      complete: manifest.complete,
      gmv: manifest.headline.gmv,
      farmerRevenue: manifest.headline.farmerRevenue,
    });
  }
  const ids = shortIds(runs.map((run) => run.directory));
  const named = runs.map((run) => ({ ...run, shortId: ids.get(run.directory)! }));
  return { runs: named.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id)), skipped };
}
