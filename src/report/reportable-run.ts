/**
 * Whether a report can be drawn from a run directory, decided before any chart library loads:
 * the directory exists, holds a manifest (written last, so a half-written run has none) from
 * this version of livesim (an older one's files may be laid out differently), and its
 * summary.json has what its kind's report reads. Otherwise a usage error says which.
 */
import path from 'node:path';
import { UsageError } from '../errors.js';
import { readManifest, type Manifest } from '../experiment/run/manifest.js';
import { MANIFEST } from '../experiment/run/run-layout.js';
import { entryExists, isEntry } from '../files/safe-read.js';
import { VERSION } from '../paths.js';
import { readRunJson } from './run-files.js';

/** What each kind's report reads from summary.json: a summary without it is damaged. */
export const SUMMARY_KEYS: Readonly<Record<Manifest['kind'], readonly string[]>> = {
  run: ['metrics', 'ledger', 'simulated', 'engine', 'seed'],
  replicates: ['metrics'],
  compare: ['a', 'b', 'replicates', 'metrics'],
  sweep: ['cases'],
  check: ['results', 'validation'],
  sensitivity: ['method', 'designPoints', 'metrics'],
  uncertainty: ['samples', 'metrics', 'targets'],
};

/** Major and minor: what a run directory's layout depends on (0.x versions break on the minor). */
const layoutVersion = (version: string) => version.split('.').slice(0, 2).join('.');

/** The run directory's manifest, once the directory is known to be one a report can be drawn from. */
export function reportableRun(directory: string): Manifest {
  // The path the user typed may be a link to a run directory.
  if (!isEntry(directory, 'directory', { followLinks: true })) throw new UsageError(`${directory} is not a run directory`, 'livesim runs lists the run directories');
  if (!entryExists(path.join(directory, MANIFEST))) {
    throw new UsageError(`${directory} has no ${MANIFEST}: it is not a finished livesim run`, 'a run still writing, or not a run directory: livesim runs lists them');
  }
  const manifest = readManifest(directory);
  if (layoutVersion(manifest.livesimVersion) !== layoutVersion(VERSION)) {
    throw new UsageError(
      `${directory} was written by livesim ${manifest.livesimVersion}; this is livesim ${VERSION}, which draws reports of its own runs only`,
      'run it again with this version: its scenario and seed are in its manifest.json',
    );
  }
  readRunJson(directory, 'summary.json', SUMMARY_KEYS[manifest.kind]);
  return manifest;
}
