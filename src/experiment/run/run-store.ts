/**
 * Run directories: `runs/<scenario>-<seed>-<time>/` with manifest.json, summary.json and the
 * CSVs. A directory is claimed before any work (a lock marks it), its files are written all
 * together at the end (each staged whole, then renamed into place, manifest.json last), so a
 * directory never holds a half-written file and a manifest means "finished". livesim never
 * touches what it did not write: `--force` replaces an earlier run's own files (those its
 * manifest lists, its report and its lock), and a directory holding anything else is refused.
 */
import { accessSync, constants, lstatSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../errors.js';
import { fileError, kindOfEntry } from '../../files/file-errors.js';
import { entryExists } from '../../files/safe-read.js';
import { AppendFile, removeEntry, stageFiles, syncDirectory } from '../../files/safe-write.js';
import { displayPath } from '../../paths.js';
import { clearForRun, partialName, type ClaimOptions } from './run-clearing.js';
import { takeLock } from './run-lock.js';
import { LOCK_FILE, MANIFEST } from './run-layout.js';

/** A run directory claimed for one run: files stream into it while it runs, and are written together at the end. */
export class RunDirectory {
  private readonly streams: AppendFile[] = [];
  private released = false;
  private committed = false;
  /** Ended before its files were written (an error, a signal before the work): released, and removed if it is still the empty directory this claim made. */
  private readonly releaseOnExit = () => {
    this.release();
    if (!this.committed) this.removeIfMine();
  };

  private constructor(
    readonly path: string,
    /** This claim made the directory (so abandoning it removes it again). */
    private readonly created: boolean,
    /** An earlier run's own files, replaced (--force) only once this run's files are written. */
    private readonly replaces: readonly string[],
  ) {
    // However the process ends (an error, a second Ctrl+C), the directory is not left locked.
    process.once('exit', this.releaseOnExit);
  }

  /**
   * Claims `dir` before any work: it must be creatable, or an empty directory, or (with `force`)
   * hold an earlier livesim run and nothing else, whose files this run replaces when its own are
   * written. A lock file keeps a second run out; a lock whose process is gone is taken over.
   */
  static claim(dir: string, options: ClaimOptions = {}): RunDirectory {
    const shown = displayPath(path.resolve(dir));
    let stats;
    try {
      stats = lstatSync(dir);
    } catch (error) {
      // Not there (or under something that is not a directory, which checkCreatable explains).
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw fileError(error, 'use --out', dir);
    }
    let created = false;
    let replaces: readonly string[] = [];
    if (stats === undefined) {
      checkCreatable(dir);
      try {
        mkdirSync(dir, { recursive: true });
      } catch (error) {
        throw fileError(error, 'create', dir);
      }
      created = true;
    } else if (stats.isSymbolicLink()) {
      throw new UsageError(`--out ${shown} is a symbolic link: livesim writes only into real directories`, 'give the directory it points to, or a new one');
    } else if (!stats.isDirectory()) {
      throw new UsageError(`--out ${shown} is ${kindOfEntry(stats)}, not a directory`, 'choose a new directory, or an empty one');
    } else {
      replaces = clearForRun(dir, shown, options);
    }
    takeLock(dir, shown);
    return new RunDirectory(dir, created, replaces);
  }

  /**
   * A file (new, never through a link) that `name`'s rows are appended to as the work goes on:
   * `replicates.partial.csv` for `replicates.csv`, a safety copy for a process that dies. The
   * run's own files replace it when they are written.
   */
  stream(name: string): AppendFile {
    const file = new AppendFile(path.join(this.path, partialName(name)));
    this.streams.push(file);
    return file;
  }

  /**
   * Writes the run's files, all or none: every one is staged whole first; only then does the
   * earlier run (--force) give way, the files are renamed into place and manifest.json last,
   * and the safety copies go. When staging fails (a full disk), the directory is left as it was
   * before the run: the earlier run intact, or nothing of this one.
   */
  commit(files: Readonly<Record<string, string>>): void {
    for (const stream of this.streams) stream.close();
    const names = Object.keys(files);
    const at = (name: string) => path.join(this.path, name);
    let staged;
    try {
      staged = stageFiles(names.map((name) => ({ file: at(name), content: files[name]! })));
    } catch (error) {
      this.abandon();
      throw error;
    }
    // The earlier manifest first: a directory cut short from here on claims nothing it lacks.
    if (this.replaces.includes(MANIFEST)) removeEntry(at(MANIFEST));
    staged.commit(names.filter((name) => name !== MANIFEST).map(at));
    for (const name of this.replaces) if (!(name in files)) removeEntry(at(name));
    staged.commit([at(MANIFEST)]);
    for (const stream of this.streams) removeEntry(stream.file);
    this.committed = true;
    syncDirectory(this.path);
  }

  /** Lets other runs in. */
  release(): void {
    if (this.released) return;
    this.released = true;
    process.off('exit', this.releaseOnExit);
    try {
      removeEntry(path.join(this.path, LOCK_FILE));
    } catch {
      // the lock is gone or cannot be removed: nothing more to do on the way out
    }
  }

  /** Undoes the claim: the streamed safety copies, the lock, and the directory if this claim made it (an earlier run stays as it was). */
  abandon(): void {
    for (const stream of this.streams) {
      stream.close();
      try {
        removeEntry(stream.file);
      } catch {
        // best effort: the error that made us abandon is the one to report
      }
    }
    this.release();
    this.removeIfMine();
  }

  private removeIfMine(): void {
    if (!this.created) return;
    try {
      rmdirSync(this.path);
    } catch {
      // not empty (rows streamed into it, someone else's file) or already gone: leave it
    }
  }
}

/** The run directory can be made: its nearest existing ancestor is a writable directory on an ordinary file system. */
function checkCreatable(dir: string): void {
  const absolute = path.resolve(dir);
  if (/^\/(proc|sys|dev)(\/|$)/.test(absolute)) throw new UsageError(`--out ${dir} is inside /${absolute.split('/')[1]}, which holds no files of ours`, 'choose a directory in your project or home');
  let ancestor = path.dirname(absolute);
  while (!entryExists(ancestor)) ancestor = path.dirname(ancestor);
  let stats;
  try {
    // Above the run directory, a link (/tmp on some systems) is part of the user's own path: followed.
    stats = statSync(ancestor);
  } catch (error) {
    throw fileError(error, 'create', dir);
  }
  if (!stats.isDirectory()) throw new UsageError(`--out ${dir} lies under ${ancestor}, which is ${kindOfEntry(stats)}`, 'choose a directory that is not inside a file');
  try {
    accessSync(ancestor, constants.W_OK);
  } catch {
    throw new UsageError(`--out ${dir}: ${ancestor} is not writable`, 'choose a directory you can write to');
  }
}

/** A fresh directory name under `root` for a run of `scenario` with `seed`, started at `when`. */
export function newRunDirectory(root: string, scenario: string, seed: number, when: Date): string {
  const stamp = when.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = path.join(root, `${scenario}-${seed}-${stamp}`);
  // Scenario names are validated slugs; this makes sure no name can ever leave `root`.
  const relative = path.relative(root, base);
  if (relative.startsWith('..') || path.isAbsolute(relative) || relative.includes(path.sep)) {
    throw new UsageError(`scenario name ${JSON.stringify(scenario)} cannot name a run directory`, 'use letters, digits, dashes and underscores');
  }
  let candidate = base;
  for (let suffix = 2; entryExists(candidate); suffix++) candidate = `${base}-${suffix}`;
  return candidate;
}
