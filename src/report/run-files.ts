/** Reading a run directory's files for a report: a missing one is a usage error naming it, never a stack trace. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { parseCsv } from '../experiment/csv.js';

function readRunFile(directory: string, file: string): string {
  const full = path.join(directory, file);
  if (!existsSync(full)) throw new UsageError(`${full} is missing: the run directory is incomplete`, 'run it again');
  return readFileSync(full, 'utf8');
}

export const readRunCsv = (directory: string, file: string) => parseCsv(readRunFile(directory, file));

export const readRunJson = <T>(directory: string, file: string): T => JSON.parse(readRunFile(directory, file)) as T;

/** A CSV the run may not have (an older batch without replicates-timeseries.csv): its records, or undefined. */
export function readOptionalCsv(directory: string, file: string): Record<string, string>[] | undefined {
  return existsSync(path.join(directory, file)) ? parseCsv(readFileSync(path.join(directory, file), 'utf8')) : undefined;
}
