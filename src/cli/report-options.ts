/**
 * `--report` and `--open`, which every command that writes a run directory takes: report.html
 * drawn at the end, then opened with the desktop's opener when there is one. There may be none
 * (a server, CI), so a missing opener is a note on stderr, never an error.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { Option } from 'commander';
import { displayPath } from '../paths.js';
import { currentIO } from './command-io.js';
import type { Terminal } from './terminal.js';

export interface ReportOptions {
  readonly report?: boolean;
  readonly open?: boolean;
}

export const reportOption = () => new Option('--report', 'also write report.html (charts on one offline page) into the run directory');
export const openOption = () => new Option('--open', "write report.html and open it with the desktop's opener (xdg-open, open), when there is one");

/** Writes report.html into `directory` when asked (and opens it with --open); returns its path. */
export async function writeReportIfAsked(directory: string, options: ReportOptions, terminal: Terminal): Promise<string | undefined> {
  if (!options.report && !options.open) return undefined;
  const { writeRunReport } = await import('../report/write-report.js');
  // Drawing takes a second or so (ECharts loads first): say so.
  terminal.err('drawing report.html\n');
  const file = await writeRunReport(directory);
  terminal.err(`report: ${displayPath(file)}\n`);
  if (options.open) openWithDesktop(file, terminal);
  return file;
}

/** The desktop's opener for this platform, if one is on the PATH. */
function desktopOpener(env: NodeJS.ProcessEnv = currentIO().env): { command: string; args: (file: string) => string[] } | undefined {
  if (process.platform === 'win32') return { command: 'cmd', args: (file) => ['/c', 'start', '""', file] };
  const name = process.platform === 'darwin' ? 'open' : 'xdg-open';
  for (const directory of (env.PATH ?? '').split(path.delimiter)) {
    if (directory === '') continue;
    const candidate = path.join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      return { command: candidate, args: (file) => [file] };
    } catch {
      // not here; look further along the PATH
    }
  }
  return undefined;
}

export function openWithDesktop(file: string, terminal: Terminal): void {
  const opener = desktopOpener();
  if (!opener) {
    terminal.err(`no desktop opener (xdg-open) here: open ${displayPath(file)} in a browser\n`);
    return;
  }
  // Detached and ignored: the browser outlives livesim, and its output is not ours.
  const child = spawn(opener.command, opener.args(path.resolve(file)), { detached: true, stdio: 'ignore' });
  child.on('error', () => terminal.err(`${opener.command} could not open ${displayPath(file)}: open it in a browser\n`));
  child.unref();
}
