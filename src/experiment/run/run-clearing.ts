/**
 * What a run may do with a directory that already holds something: nothing at all unless every
 * entry is livesim's own — an earlier run's files (those its manifest lists, its report), what a
 * run that died left (its lock, its safety copies, temporaries) — and only with --force.
 */
import path from 'node:path';
import { UsageError } from '../../errors.js';
import { isEntry, listEntries } from '../../files/safe-read.js';
import { OLD_TEMPORARY_NAME, TEMPORARY_NAME, removeEntry } from '../../files/safe-write.js';
import { printable } from '../../printable.js';
import { readManifest } from './manifest.js';
import { LOCK_FILE, MANIFEST, REPLICATES_CSV, REPORT_FILE, SWEEP_CSV } from './run-layout.js';
import { staleLock, type LockHolder } from './run-lock.js';

export interface ClaimOptions {
  /** Replace an earlier run in the directory (its own files only). */
  readonly force?: boolean | undefined;
  /** Told what the claim did that a user should know (a stale lock taken over). */
  readonly onNote?: ((text: string) => void) | undefined;
}

/**
 * Makes an existing directory ready for a run: empty already, or an earlier run's files removed
 * with `force`. Nothing is removed (a stale lock included) until everything there is known to be
 * livesim's own and the run may go ahead.
 */
export function clearForRun(dir: string, shown: string, options: ClaimOptions): readonly string[] {
  let entries = listEntries(dir).map((entry) => entry.name);
  let stale: LockHolder | undefined;
  if (entries.includes(LOCK_FILE)) {
    stale = staleLock(dir, shown);
    entries = entries.filter((name) => name !== LOCK_FILE);
  }
  const remove = (names: readonly string[]) => {
    for (const name of [...names, ...(stale ? [LOCK_FILE] : [])]) removeEntry(path.join(dir, name));
    if (stale) options.onNote?.(`--out ${shown}: took over the lock of livesim process ${stale.pid}, which is no longer running`);
  };
  if (entries.length === 0) {
    remove([]);
    return [];
  }
  if (!entries.includes(MANIFEST)) {
    // A run that died (kill -9, an error, a second Ctrl+C) leaves its safety copies and temporaries: its own, so --force may clear them.
    const leftovers = entries.filter((name) => isLeftover(name, new Set()));
    if (leftovers.length < entries.length) throw new UsageError(`--out ${shown} already holds files that are not a livesim run (${listed(entries)})`, 'choose a new directory, or an empty one');
    if (!options.force) throw new UsageError(`--out ${shown} holds what a run that died left behind (${listed(entries)})`, 'pass --force to clear it, or choose a new directory');
    remove(entries);
    return [];
  }
  let files: readonly string[];
  try {
    files = readManifest(dir).files;
  } catch (error) {
    throw new UsageError(`--out ${shown} holds a ${MANIFEST} that livesim cannot read, so livesim will not touch it`, `choose a new directory (${(error as Error).message})`);
  }
  if (!options.force) throw new UsageError(`--out ${shown} already holds a run`, 'choose a new directory, or pass --force to replace that run');
  const own = new Set([MANIFEST, REPORT_FILE, ...files]);
  const leftovers = entries.filter((name) => isLeftover(name, own));
  const foreign = entries.filter((name) => !own.has(name) && !leftovers.includes(name));
  const directories = entries.filter((name) => own.has(name) && isEntry(path.join(dir, name), 'directory'));
  if (foreign.length > 0 || directories.length > 0) {
    throw new UsageError(
      `--out ${shown} holds files livesim did not write (${listed([...foreign, ...directories])}): --force replaces only a run's own files`,
      'move those files away, or choose a new directory',
    );
  }
  // The earlier run stays until this one's files are written. What a dead run left goes now, and
  // so do links or FIFOs planted under the run's own names (removed, never followed or opened).
  const planted = entries.filter((name) => own.has(name) && !isEntry(path.join(dir, name), 'file'));
  remove([...leftovers, ...planted]);
  return entries.filter((name) => own.has(name) && !planted.includes(name));
}

/** The safety copy a run appends `name`'s rows to while it runs. */
export const partialName = (name: string) => name.replace(/(\.[a-z]+)?$/, '.partial$1');

/** The safety copies a batch may leave when its process dies. */
const PARTIALS = new Set([REPLICATES_CSV, SWEEP_CSV].map(partialName));

/**
 * What a run that died may leave: a safety copy, a temporary (random name), or an older
 * version's temporary (`.<file>.<pid>.tmp`) of one of the run's own files or of a safety copy.
 * A user's `.notes.2024.tmp` is none of these.
 */
function isLeftover(name: string, own: ReadonlySet<string>): boolean {
  const older = OLD_TEMPORARY_NAME.exec(name)?.[1];
  return PARTIALS.has(name) || TEMPORARY_NAME.test(name) || (older !== undefined && (own.has(older) || PARTIALS.has(older)));
}

const listed = (names: readonly string[]) => printable(names.length <= 4 ? names.join(', ') : `${names.slice(0, 4).join(', ')} and ${names.length - 4} more`);

