/** Writing `report.html` into a run directory of any kind: checked first, drawn, then written whole. */
import path from 'node:path';
import { REPORT_FILE } from '../experiment/run/run-layout.js';
import { checkWritableTarget, writeFileSafely } from '../files/safe-write.js';
import { reportableRun } from './reportable-run.js';

/** Draws the run directory's report and writes it beside its files; returns its path. */
export async function writeRunReport(directory: string): Promise<string> {
  const file = path.join(directory, REPORT_FILE);
  // A report.html that is a directory, a link or a FIFO is refused before the page is drawn.
  checkWritableTarget(file);
  // A directory that cannot be drawn is refused before ECharts loads (a second or so).
  const manifest = reportableRun(directory);
  const { reportHtml } = await import('./report-html.js');
  writeFileSafely(file, reportHtml(directory, manifest));
  return file;
}
