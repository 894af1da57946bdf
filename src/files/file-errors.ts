/**
 * What the operating system says about a file, in words a user can act on: a full disk, a
 * read-only file system, a permission. Never the file's contents, never a stack trace.
 */
import type { Stats } from 'node:fs';
import { FileError } from '../errors.js';
import { displayPath } from '../paths.js';

const REASONS: Readonly<Record<string, { readonly says: string; readonly hint: string }>> = {
  ENOSPC: { says: 'the disk is full', hint: 'free some space, or write somewhere else (--out)' },
  EDQUOT: { says: 'your disk quota is used up', hint: 'free some space, or write somewhere else (--out)' },
  EFBIG: { says: 'the file would be larger than this system allows (ulimit -f)', hint: 'raise the limit, or write somewhere else' },
  EROFS: { says: 'it is on a read-only file system', hint: 'write somewhere else (--out)' },
  EACCES: { says: 'permission denied', hint: 'choose a place you can write to, or check its permissions' },
  EPERM: { says: 'the operation is not permitted there', hint: 'choose a place you can write to, or check its permissions' },
  EISDIR: { says: 'it is a directory', hint: 'give the path of a file' },
  ENOTDIR: { says: 'a part of its path is not a directory', hint: 'check the path' },
  ENOENT: { says: 'it does not exist', hint: 'check the path' },
  ELOOP: { says: 'it is a symbolic link (or a loop of them)', hint: 'livesim never reads or writes through links: give the real path' },
  EMFILE: { says: 'too many files are open', hint: 'raise the limit (ulimit -n), or run fewer jobs' },
  ENFILE: { says: 'too many files are open on this system', hint: 'try again when fewer are' },
  EEXIST: { says: 'something appeared there while livesim was writing', hint: 'is another program writing into the same directory?' },
  EIO: { says: 'the device reported an input/output error', hint: 'check the disk' },
};

/** `error` (from node:fs) while doing `action` ("write", "read", "create") to `file`, as a FileError. */
export function fileError(error: unknown, action: string, file: string): FileError {
  if (error instanceof FileError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === undefined ? undefined : REASONS[code];
  const says = reason?.says ?? (code === undefined ? String((error as Error | undefined)?.message ?? error) : `the system said ${code}`);
  return new FileError(`cannot ${action} ${displayPath(file)}: ${says}`, reason?.hint);
}

/** What a file system entry is, in words ("a symbolic link", "a FIFO"), for refusals. */
export function kindOfEntry(stats: Stats): string {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'a regular file';
}
