/**
 * `livesim report`: the page for a run directory of any kind. The directory must exist, hold a
 * manifest (written last, so a half-written run has none) and come from this version of livesim
 * (an older one's files may be laid out differently); otherwise a usage error says which.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { entryExists } from '../files/safe-read.js';
import { readManifest, type Manifest } from '../experiment/manifest.js';
import { MANIFEST } from '../experiment/run-layout.js';
import { VERSION } from '../paths.js';
import { replicatesReportHtml, sweepReportHtml } from './batch-report.js';
import { checkReportHtml } from './check-report.js';
import { compareReportHtml } from './compare-report.js';
import { sensitivityReportHtml, uncertaintyReportHtml } from './design-report.js';
import { runReportHtml } from './run-report.js';

const REPORTS: Readonly<Record<Manifest['kind'], (directory: string, manifest: Manifest) => string>> = {
  run: runReportHtml,
  replicates: replicatesReportHtml,
  compare: compareReportHtml,
  sweep: sweepReportHtml,
  check: checkReportHtml,
  sensitivity: sensitivityReportHtml,
  uncertainty: uncertaintyReportHtml,
};

/** Major and minor: what a run directory's layout depends on (0.x versions break on the minor). */
const layoutVersion = (version: string) => version.split('.').slice(0, 2).join('.');

export function reportHtml(directory: string): string {
  if (!isDirectory(directory)) throw new UsageError(`${directory} is not a run directory`, 'livesim runs lists the run directories');
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
  try {
    return REPORTS[manifest.kind](directory, manifest);
  } catch (error) {
    // A run directory is input: one whose files are not shaped as this livesim writes them is bad input, not a crash.
    if (error instanceof TypeError || error instanceof RangeError) {
      throw new UsageError(`cannot draw ${directory}: its files are damaged or were not written by this livesim (${error.message})`, 'run it again: its scenario and seed are in its manifest.json');
    }
    throw error;
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
