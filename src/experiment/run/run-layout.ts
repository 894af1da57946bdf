/** The fixed names in a run directory, and JSON as its files hold it. */

/** Written last: a run directory with a manifest is finished (complete or stopped), one without is not. */
export const MANIFEST = 'manifest.json';

/** Drawn by `livesim report` (or --report) after the run's own files. */
export const REPORT_FILE = 'report.html';

/** Marks a directory some livesim process is writing. */
export const LOCK_FILE = '.livesim.lock';

/** JSON as the run directory's files hold it: indented, with a final newline. */
export const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** A batch's rows, one per replicate (run --replicates). */
export const REPLICATES_CSV = 'replicates.csv';

/** A sweep's rows, one per case and replicate. */
export const SWEEP_CSV = 'sweep.csv';
