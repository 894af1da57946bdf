/**
 * A command's run directory, from claim to release, the same way in every command: claimed
 * before any work (a bad --out costs nothing), streamed into while the work runs, then written
 * whole with signals held, its report drawn when asked, and released.
 */
import { RunDirectory, newRunDirectory } from '../experiment/run/run-store.js';
import type { AppendFile } from '../files/safe-write.js';
import { displayPath } from '../paths.js';
import { writeReportIfAsked, type ReportOptions } from './report-options.js';
import { holdSignalsWhile } from './stop-control.js';
import type { Terminal } from './terminal.js';

export interface OutputOptions extends ReportOptions {
  readonly out?: string | undefined;
  readonly force?: boolean | undefined;
  readonly quiet?: boolean | undefined;
}

/** Files at least this large (in all) take a moment to write: it is said on stderr. */
const NOTABLE_BYTES = 1024 ** 2;

export class RunOutput {
  private constructor(
    private readonly directory: RunDirectory,
    private readonly options: OutputOptions,
  ) {}

  /** Claims --out, or `runs/<name>-<seed>-<time>`; notes (a stale lock taken over) go to stderr. */
  static claim(options: OutputOptions, name: string, seed: number, createdAt: Date, terminal: Terminal): RunOutput {
    const path = options.out ?? newRunDirectory('runs', name, seed, createdAt);
    return new RunOutput(RunDirectory.claim(path, { force: options.force, onNote: (note) => terminal.err(`${note}\n`) }), options);
  }

  /** For commands that write a run directory only when asked (--out, --report or --open). */
  static claimIfAsked(options: OutputOptions, name: string, seed: number, createdAt: Date, terminal: Terminal): RunOutput | undefined {
    return options.out === undefined && !options.report && !options.open ? undefined : RunOutput.claim(options, name, seed, createdAt, terminal);
  }

  get path(): string {
    return this.directory.path;
  }

  /** The run directory as a person in this directory would type it. */
  get shown(): string {
    return displayPath(this.directory.path);
  }

  /** A file rows are appended to as the work goes on (kept if the process dies). */
  stream(name: string): AppendFile {
    return this.directory.stream(name);
  }

  /**
   * Writes `files` (manifest last, all or none) with signals held, then the report when asked (a
   * signal while it is drawn ends the process: the run is already kept); releases the directory.
   */
  async write(files: Readonly<Record<string, string>>, terminal: Terminal): Promise<void> {
    const bytes = Object.values(files).reduce((sum, content) => sum + Buffer.byteLength(content), 0);
    if (bytes >= NOTABLE_BYTES && !this.options.quiet) terminal.err(`writing ${(bytes / 1024 ** 2).toFixed(1)} MB to ${this.shown}\n`);
    try {
      holdSignalsWhile(() => this.directory.commit(files), () => terminal.err('stopping once the run directory is written\n'));
      await writeReportIfAsked(this.directory.path, this.options, terminal);
    } finally {
      this.directory.release();
    }
  }
}
