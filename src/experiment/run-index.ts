/** The run store: what is in a runs/ directory, read from each run's manifest. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST } from './run-store.js';

export interface StoredRun {
  readonly id: string;
  readonly directory: string;
  readonly kind: 'run' | 'replicates' | 'sweep';
  readonly scenario: string;
  readonly seed: number;
  readonly replicates: number;
  readonly createdAt: string;
  readonly complete: boolean;
  /** Yuan: the run's, or the mean over replicates (for a sweep: the largest case mean). */
  readonly gmv: number;
  readonly farmerRevenue: number;
}

interface Manifest {
  kind?: StoredRun['kind'];
  scenario: string;
  seed: number;
  replicates?: number;
  createdAt: string;
  complete: boolean;
  headline?: { gmv?: number; farmerRevenue?: number };
}

/** Runs under `root`, newest first; directories without a readable manifest are skipped. */
export function listRuns(root: string): StoredRun[] {
  if (!existsSync(root)) return [];
  const runs: StoredRun[] = [];
  for (const id of readdirSync(root)) {
    const directory = path.join(root, id);
    const file = path.join(directory, MANIFEST);
    if (!statSync(directory).isDirectory() || !existsSync(file)) continue;
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    } catch {
      continue;
    }
    runs.push({
      id,
      directory,
      kind: manifest.kind ?? 'run',
      scenario: manifest.scenario,
      seed: manifest.seed,
      replicates: manifest.replicates ?? 1,
      createdAt: manifest.createdAt,
      complete: manifest.complete,
      gmv: manifest.headline?.gmv ?? 0,
      farmerRevenue: manifest.headline?.farmerRevenue ?? 0,
    });
  }
  return runs.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}
