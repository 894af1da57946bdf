/** The run store: what is in a runs/ directory, read from each run's manifest. */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { FileError, UsageError } from '../errors.js';
import { entryExists, listEntries } from '../files/safe-read.js';
import { printable } from '../printable.js';
import { readManifest, type Manifest } from './manifest.js';
import { MANIFEST } from './run-layout.js';

export interface StoredRun {
  readonly id: string;
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
  let rootIsDirectory: boolean;
  try {
    // --dir is the user's own path: a link to a directory of runs is followed.
    rootIsDirectory = lstatSync(root).isDirectory() || (lstatSync(root).isSymbolicLink() && listable(root));
  } catch {
    rootIsDirectory = false;
  }
  if (!rootIsDirectory) throw new UsageError(`${root} is not a directory of runs`, 'pass --dir with the directory livesim run writes into');
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
  return { runs: runs.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id)), skipped };
}

function listable(directory: string): boolean {
  try {
    listEntries(directory);
    return true;
  } catch {
    return false;
  }
}
