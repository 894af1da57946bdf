/**
 * A run directory's lock: `.livesim.lock`, created exclusively, naming the process and host that
 * hold it. A lock whose process is gone (a power cut, kill -9) is stale and may be taken over.
 */
import { hostname } from 'node:os';
import path from 'node:path';
import { FileError, UsageError } from '../../errors.js';
import { parseJsonFile, readRegularFile } from '../../files/safe-read.js';
import { writeNewFile } from '../../files/safe-write.js';
import { LOCK_FILE } from './run-layout.js';

/** Who holds a directory's lock. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
}

/** Takes `dir`'s lock for this process; a usage error when something is already there. */
export function takeLock(dir: string, shown: string): void {
  const holder: LockHolder = { pid: process.pid, host: hostname() };
  if (!writeNewFile(path.join(dir, LOCK_FILE), `${JSON.stringify(holder)}\n`)) {
    throw new UsageError(`--out ${shown}: another livesim run is writing there`, 'choose another directory');
  }
}

/** The lock's holder, or undefined when the lock cannot be read as one of ours. */
function readLock(file: string): LockHolder | undefined {
  try {
    const text = readRegularFile(file) ?? '';
    // Older locks hold the process id alone.
    if (/^\d+\s*$/.test(text)) return { pid: Number(text), host: hostname() };
    const value = parseJsonFile(text, file) as Partial<LockHolder>;
    return Number.isSafeInteger(value.pid) && typeof value.host === 'string' ? { pid: value.pid!, host: value.host } : undefined;
  } catch (error) {
    if (error instanceof FileError) return undefined;
    throw error;
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}


/** The holder of `dir`'s lock when it is stale (its process gone); a usage error when another run holds it. */
export function staleLock(dir: string, shown: string): LockHolder {
  const holder = readLock(path.join(dir, LOCK_FILE));
  if (holder === undefined || holder.host !== hostname() || isRunning(holder.pid)) {
    const who = holder === undefined ? 'another livesim run' : `livesim process ${holder.pid} on ${holder.host}`;
    throw new UsageError(`--out ${shown}: ${who} is writing there`, `wait for it, or remove ${path.join(shown, LOCK_FILE)} if no run is`);
  }
  return holder;
}
