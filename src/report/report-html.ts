/** `livesim report`: the page for a run directory of any kind (checked first by reportable-run.ts). */
import { UsageError } from '../errors.js';
import type { Manifest } from '../experiment/run/manifest.js';
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

/** The page for a run directory that `reportableRun` accepted (`manifest` is what it read). */
export function reportHtml(directory: string, manifest: Manifest): string {
  try {
    return REPORTS[manifest.kind](directory, manifest);
  } catch (error) {
    // A run directory is input: one whose files are not shaped as this livesim writes them (a
    // field of the wrong type deep in summary.json) is bad input, not a crash. Any other error is a bug.
    if (error instanceof TypeError) {
      throw new UsageError(`cannot draw ${directory}: its files are damaged or were not written by this livesim (${error.message})`, 'run it again: its scenario and seed are in its manifest.json');
    }
    throw error;
  }
}

