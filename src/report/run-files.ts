/**
 * Reading a run directory's files for a report: regular files only (never through a link out of
 * the directory, never blocking on a FIFO); a missing one is a usage error naming it; a damaged
 * one says where it breaks, never what it holds.
 */
import path from 'node:path';
import { UsageError } from '../errors.js';
import { parseCsv } from '../experiment/batch/csv.js';
import { parseJsonFile, readRegularFile } from '../files/safe-read.js';
import { displayPath } from '../paths.js';

function readRunFile(directory: string, file: string): string {
  const full = path.join(directory, file);
  const text = readRegularFile(full, { optional: true });
  if (text === undefined) throw new UsageError(`${displayPath(full)} is missing: the run directory is incomplete`, 'run it again');
  return text;
}

export const readRunCsv = (directory: string, file: string) => parseCsv(readRunFile(directory, file));

/** A JSON file of the run, with the keys the report needs (a damaged file is refused, not half-drawn). */
export function readRunJson<T>(directory: string, file: string, required: readonly string[] = []): T {
  const full = path.join(directory, file);
  const value = parseJsonFile(readRunFile(directory, file), full);
  const missing = required.find((key) => value === null || typeof value !== 'object' || !(key in value));
  if (missing !== undefined) throw new UsageError(`${displayPath(full)} lacks \`${missing}\`: it is damaged or was not written by this livesim`, 'run it again');
  return value as T;
}

/** A CSV the run may not have (an older batch without replicates-timeseries.csv): its records, or undefined. */
export function readOptionalCsv(directory: string, file: string): Record<string, string>[] | undefined {
  const text = readRegularFile(path.join(directory, file), { optional: true });
  return text === undefined ? undefined : parseCsv(text);
}
