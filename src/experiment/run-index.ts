/** The run store: what is in a runs/ directory, read from each run's manifest. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { readManifest, type Manifest } from './manifest.js';
import { MANIFEST } from './run-store.js';

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
 * Runs under `root`, newest first. Directories whose manifest is missing (a run still writing,
 * or something else) are passed over; ones whose manifest is broken are listed in `skipped`.
 */
export function listRuns(root: string): { runs: StoredRun[]; skipped: string[] } {
  if (!existsSync(root)) return { runs: [], skipped: [] };
  if (!statSync(root).isDirectory()) throw new UsageError(`${root} is a file, not a directory of runs`, 'pass --dir with the directory livesim run writes into');
  const runs: StoredRun[] = [];
  const skipped: string[] = [];
  for (const id of readdirSync(root).sort()) {
    const directory = path.join(root, id);
    if (!statSync(directory).isDirectory() || !existsSync(path.join(directory, MANIFEST))) continue;
    let manifest: Manifest;
    try {
      manifest = readManifest(directory);
    } catch {
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
