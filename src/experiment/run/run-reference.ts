/**
 * Naming a stored run without typing its directory: a short id (the first hex digits of a hash of
 * its directory's name, as few as keep every run under runs/ apart, at least four, like git's
 * short hashes), or a handle counting back from the newest: `@latest` (= `@1`), `@2`, …
 * `livesim runs` shows the ids; every command that takes a run takes all three forms.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { UsageError } from '../../errors.js';
import { entryExists } from '../../files/safe-read.js';

/** Where livesim writes runs unless told otherwise (relative to the working directory). */
export const RUNS_ROOT = 'runs';

const MIN_SHORT = 4;
const fullId = (directory: string) => createHash('sha256').update(path.basename(directory)).digest('hex');

/** The short id of each directory: the shortest prefix (at least four digits) that tells them all apart. */
export function shortIds(directories: readonly string[]): Map<string, string> {
  const full = directories.map(fullId);
  let length = MIN_SHORT;
  while (length < 64 && new Set(full.map((id) => id.slice(0, length))).size < new Set(full).size) length++;
  return new Map(directories.map((directory, index) => [directory, full[index]!.slice(0, length)]));
}

const HANDLE = /^@(latest|\d+)$/;
const SHORT_ID = /^[0-9a-f]{4,64}$/;

/** Whether `reference` is written as a run (a handle or a short id) rather than a path or a preset. */
const looksLikeRunReference = (reference: string) => HANDLE.test(reference) || SHORT_ID.test(reference);

/**
 * The directory `reference` names among `runs` (newest first): a handle, or a short id (any
 * unique prefix of four digits or more). Undefined when it is a short id no run has (it may be a
 * file); a handle past the end, or a prefix two runs share, is a usage error that says what is there.
 */
export function resolveRunReference(reference: string, runs: readonly { readonly directory: string }[]): string | undefined {
  const handle = HANDLE.exec(reference);
  if (handle) {
    const index = handle[1] === 'latest' ? 0 : Number(handle[1]) - 1;
    if (runs.length === 0) throw new UsageError(`${reference}: there are no runs in ${RUNS_ROOT}/ yet`, 'livesim run writes one there');
    if (index < 0 || index >= runs.length) throw new UsageError(`${reference}: there ${runs.length === 1 ? 'is 1 run' : `are ${runs.length} runs`} in ${RUNS_ROOT}/`, `@1 (or @latest) is the newest, @${runs.length} the oldest; livesim runs lists them`);
    return runs[index]!.directory;
  }
  if (!SHORT_ID.test(reference)) return undefined;
  const matches = runs.filter((run) => fullId(run.directory).startsWith(reference));
  if (matches.length > 1) {
    throw new UsageError(`run id ${reference} matches ${matches.length} runs: ${matches.map((run) => path.basename(run.directory)).join(', ')}`, 'give more of the id (livesim runs shows enough to tell them apart)');
  }
  return matches[0]?.directory;
}

/**
 * A reference as a directory: a path that exists stays as typed; a handle or short id is looked
 * up in `runs` (an id no run has is an error that says so); anything else is not a run (undefined).
 */
export function runDirectoryOf(reference: string, runs: () => readonly { readonly directory: string }[]): string | undefined {
  if (entryExists(reference)) return reference;
  if (!looksLikeRunReference(reference)) return undefined;
  const directory = resolveRunReference(reference, runs());
  if (directory === undefined) throw new UsageError(`no run has the id ${reference} in ${RUNS_ROOT}/ (and no file has that name)`, `livesim runs lists the ids; a run elsewhere is named by its directory`);
  return directory;
}
