/**
 * Two single runs side by side: one outcome each, so a difference with no interval and no test.
 * `compare` says so plainly and how to get intervals (batches, or the scenarios themselves).
 */
import path from 'node:path';
import { z } from 'zod';
import { FileError } from '../../errors.js';
import { parseJsonFile, readRegularFile } from '../../files/safe-read.js';
import { displayPath } from '../../paths.js';

const summarySchema = z.object({
  scenario: z.string(),
  seed: z.number(),
  simulated: z.object({ start: z.string(), reached: z.string() }).optional(),
  metrics: z.record(z.string(), z.number()),
});

export interface SingleRunSide {
  readonly directory: string;
  readonly scenario: string;
  readonly seed: number;
  /** The simulated span, `start → reached`, when the summary has it. */
  readonly span: string | undefined;
  readonly metrics: Readonly<Record<string, number>>;
}

export function readSingleRun(directory: string): SingleRunSide {
  const file = path.join(directory, 'summary.json');
  const parsed = summarySchema.safeParse(parseJsonFile(readRegularFile(file)!, file));
  if (!parsed.success) throw new FileError(`${displayPath(file)} is not a run's summary`, 'it is damaged or was not written by livesim: run it again');
  const { simulated, ...rest } = parsed.data;
  return { directory, ...rest, span: simulated === undefined ? undefined : `${simulated.start} → ${simulated.reached}` };
}

export interface SingleDifference {
  readonly name: string;
  readonly a: number;
  readonly b: number;
  readonly delta: number;
  /** B − A over A; null when A is 0. */
  readonly relative: number | null;
}

/** The metrics both runs have (or those named), A's order. */
export function compareSingleRuns(a: SingleRunSide, b: SingleRunSide, names?: readonly string[]): SingleDifference[] {
  const shared = (names ?? Object.keys(a.metrics)).filter((name) => Object.hasOwn(a.metrics, name) && Object.hasOwn(b.metrics, name));
  return shared.map((name) => {
    const [valueA, valueB] = [a.metrics[name]!, b.metrics[name]!];
    return { name, a: valueA, b: valueB, delta: valueB - valueA, relative: valueA === 0 ? null : (valueB - valueA) / Math.abs(valueA) };
  });
}

export const SINGLE_RUNS_NOTE =
  'single runs: one outcome each, so the difference has no interval and no test (a different seed alone moves it)';
export const SINGLE_RUNS_HINT = 'for paired 95% intervals compare batches (livesim run <scenario> --replicates 10, for each side) or the scenarios themselves (livesim compare <a> <b>)';
