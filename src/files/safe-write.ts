/**
 * Every file livesim writes goes through here. A file is first written in full to a temporary
 * beside it, created exclusively under an unpredictable name (O_CREAT | O_EXCL | O_NOFOLLOW, so
 * never through a link planted there), synced to disk, and only then renamed over its target;
 * the target must be absent or a regular file, never a link, a directory, a FIFO or a device.
 * Temporaries left when the process ends (an error, a second Ctrl+C) are removed on the way out.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, lstatSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { FileError } from '../errors.js';
import { displayPath } from '../paths.js';
import { fileError, kindOfEntry } from './file-errors.js';

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW;

/** `.<name>.<12 hex digits>.tmp`: livesim's temporaries, which a claimed directory may hold stale. */
export const TEMPORARY_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** `.<name>.<pid>.tmp`: the temporaries of versions before random names; `name` is the file it was for. */
export const OLD_TEMPORARY_NAME = /^\.(.+)\.\d+\.tmp$/;

const temporaries = new Set<string>();
let cleanupInstalled = false;

function track(file: string): void {
  if (!cleanupInstalled) {
    cleanupInstalled = true;
    process.on('exit', () => {
      for (const temporary of temporaries) removeQuietly(temporary);
    });
  }
  temporaries.add(file);
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
  temporaries.delete(file);
}

/**
 * Refuses a target that is there and is not a regular file (a link, a directory, a FIFO, a
 * device), before any work is done for it.
 */
export function checkWritableTarget(file: string): void {
  let stats;
  try {
    stats = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return checkDirectoryOf(file);
    throw fileError(error, 'write', file);
  }
  if (!stats.isFile()) {
    throw new FileError(`will not write ${displayPath(file)}: it is ${kindOfEntry(stats)}, and livesim writes only regular files`, 'choose another path, or remove what is there');
  }
}

/**
 * The directory a new file would go into exists and is a directory. It may be reached through a
 * link (a `latest` link to a run, /tmp on some systems): the file itself is created new and
 * renamed into place, never written through a link.
 */
function checkDirectoryOf(file: string): void {
  const directory = path.dirname(path.resolve(file));
  let stats;
  try {
    stats = statSync(directory);
  } catch (error) {
    throw fileError(error, 'write into', directory);
  }
  if (!stats.isDirectory()) throw new FileError(`cannot write ${displayPath(file)}: ${displayPath(directory)} is ${kindOfEntry(stats)}, not a directory`, 'check the path');
}

/** A new temporary's name beside `file`: 48 random bits, so no one can plant something there in advance. */
export const temporaryFor = (file: string): string => path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);

/** A file written in full to its temporary, waiting to be renamed into place (or thrown away). */
interface StagedFile {
  readonly target: string;
  /** Renames the temporary over the target. */
  commit(): void;
  /** Removes the temporary; the target is as it was. */
  discard(): void;
}

/** Writes `content` to an exclusive temporary beside `file` and syncs it; the target is untouched until commit. */
function stageFile(file: string, content: string): StagedFile {
  checkWritableTarget(file);
  const temporary = temporaryFor(file);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, CREATE_NEW, 0o644);
    track(temporary);
    writeAll(descriptor, content);
    fsyncSync(descriptor);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    removeQuietly(temporary);
    throw fileError(error, 'write', file);
  }
  closeSync(descriptor);
  return {
    target: file,
    commit() {
      // The target may have changed since it was checked: a rename replaces a link, never writes through it.
      checkWritableTarget(file);
      try {
        renameSync(temporary, file);
      } catch (error) {
        removeQuietly(temporary);
        throw fileError(error, 'write', file);
      }
      temporaries.delete(temporary);
    },
    discard: () => removeQuietly(temporary),
  };
}

/** Writes `file` whole or not at all. */
export function writeFileSafely(file: string, content: string): void {
  stageFile(file, content).commit();
}

/** Files written in full to their temporaries: renamed into place together, or thrown away together. */
export interface StagedFiles {
  /** Renames these targets' temporaries into place, in order (each once). */
  commit(targets: readonly string[]): void;
  /** Removes the temporaries not yet renamed. */
  discard(): void;
}

/** Stages every file (all written and synced before any target changes); none is staged if one cannot be. */
export function stageFiles(files: readonly { readonly file: string; readonly content: string }[]): StagedFiles {
  const staged: StagedFile[] = [];
  try {
    for (const { file, content } of files) staged.push(stageFile(file, content));
  } catch (error) {
    for (const file of staged) file.discard();
    throw error;
  }
  const pending = new Map(staged.map((file) => [file.target, file]));
  const discard = () => {
    for (const file of pending.values()) file.discard();
    pending.clear();
  };
  return {
    commit(targets) {
      for (const target of targets) {
        const file = pending.get(target);
        if (!file) continue;
        pending.delete(target);
        try {
          file.commit();
        } catch (error) {
          discard();
          throw error;
        }
      }
    },
    discard,
  };
}

function writeAll(descriptor: number, content: string): void {
  const bytes = Buffer.from(content, 'utf8');
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(descriptor, bytes, offset, bytes.length - offset);
}

/**
 * A file created new (exclusively, never through a link) and appended to as work goes on, such
 * as the rows of a batch as replicates finish. It is a safety copy: an append that fails (a full
 * disk) stops the appending and the work goes on; the run's own files, written at the end, are
 * what counts, and their write reports a full disk.
 */
export class AppendFile {
  private descriptor: number | undefined;

  constructor(readonly file: string) {
    try {
      this.descriptor = openSync(file, CREATE_NEW | constants.O_APPEND, 0o644);
    } catch (error) {
      throw fileError(error, 'create', file);
    }
  }

  append(text: string): void {
    if (this.descriptor === undefined) return;
    try {
      writeAll(this.descriptor, text);
    } catch {
      this.close();
    }
  }

  close(): void {
    if (this.descriptor === undefined) return;
    closeSync(this.descriptor);
    this.descriptor = undefined;
  }
}

/** Creates `file` with `content` if nothing is there (not even a link); false when something is. */
export function writeNewFile(file: string, content: string): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(file, CREATE_NEW, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw fileError(error, 'create', file);
  }
  try {
    writeAll(descriptor, content);
  } catch (error) {
    closeSync(descriptor);
    removeQuietly(file);
    throw fileError(error, 'write', file);
  }
  closeSync(descriptor);
  return true;
}

/** Removes one directory entry livesim wrote (a link is removed, never followed; a directory is refused). */
export function removeEntry(file: string): void {
  let stats;
  try {
    stats = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw fileError(error, 'remove', file);
  }
  if (stats.isDirectory()) throw new FileError(`will not remove ${displayPath(file)}: it is a directory, and livesim writes only files`, 'remove it yourself if it is not needed');
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileError(error, 'remove', file);
  }
}

/** Flushes a directory's entries (the renames into it) to disk, where the system allows it. */
export function syncDirectory(directory: string): void {
  try {
    const descriptor = openSync(directory, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0) | NO_FOLLOW);
    try {
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch {
    // Some systems cannot sync a directory; the files themselves are synced.
  }
}
