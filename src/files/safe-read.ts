/**
 * Reading the files of a run directory as livesim wrote them: regular files only. A link is never
 * followed out of the directory, a FIFO never blocks the reader, a device is never opened, and
 * no error quotes what a file holds (it might be someone else's file).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { FileError } from '../errors.js';
import { displayPath } from '../paths.js';
import { fileError, kindOfEntry } from './file-errors.js';

const READ_ONLY = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Larger than any file livesim writes for the largest run it accepts; more is not one of ours. */
const MAX_BYTES = 512 * 1024 ** 2;

/**
 * The text of `file`, a regular file (not a link, FIFO or device); undefined when it does not
 * exist and `optional`.
 */
export function readRegularFile(file: string, options: { readonly optional?: boolean } = {}): string | undefined {
  let stats;
  try {
    stats = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && options.optional) return undefined;
    throw fileError(error, 'read', file);
  }
  refuseIrregular(file, stats);
  let descriptor: number;
  try {
    descriptor = openSync(file, READ_ONLY);
  } catch (error) {
    throw fileError(error, 'read', file);
  }
  try {
    const opened = fstatSync(descriptor);
    // Swapped for something else between the look and the open.
    if (opened.ino !== stats.ino || opened.dev !== stats.dev) throw new FileError(`${displayPath(file)} changed while livesim was opening it`, 'try again');
    refuseIrregular(file, opened);
    const bytes = Buffer.alloc(opened.size);
    let offset = 0;
    while (offset < bytes.length) {
      const read = readSync(descriptor, bytes, offset, bytes.length - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return bytes.subarray(0, offset).toString('utf8');
  } catch (error) {
    throw fileError(error, 'read', file);
  } finally {
    closeSync(descriptor);
  }
}

function refuseIrregular(file: string, stats: Stats): void {
  if (!stats.isFile()) throw new FileError(`will not read ${displayPath(file)}: it is ${kindOfEntry(stats)}, and livesim reads only the regular files it wrote`, 'is this a livesim run directory? livesim runs lists them');
  if (stats.size > MAX_BYTES) throw new FileError(`will not read ${displayPath(file)}: ${(stats.size / 1024 ** 2).toFixed(0)} MiB is larger than any file livesim writes`, 'is this a livesim run directory?');
}

/** JSON text parsed, or a FileError naming the file and where the text breaks (never what it says). */
export function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const where = position === undefined ? (text.trim() === '' ? ': it is empty' : '') : ` at ${lineAndColumn(text, Number(position))}`;
    throw new FileError(`${displayPath(file)} is not valid JSON${where}`, 'it is damaged or was not written by livesim: run it again');
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** The entries of a directory, as they are (links are not followed); a FileError when it cannot be listed. */
export function listEntries(directory: string): Dirent[] {
  try {
    return readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    throw fileError(error, 'list', directory);
  }
}

/** Something is there (a link counts, followed or not). */
export function entryExists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Whether `file` is there and is a regular file (or a directory); a link is followed only when asked (a path the user typed). */
export function isEntry(file: string, kind: 'file' | 'directory', options: { readonly followLinks?: boolean } = {}): boolean {
  try {
    const stats = options.followLinks ? statSync(file) : lstatSync(file);
    return kind === 'file' ? stats.isFile() : stats.isDirectory();
  } catch {
    return false;
  }
}
