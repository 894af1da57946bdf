/** Option parsers shared by commands; a bad value is a UsageError (exit code 2). */
import { InvalidArgumentError } from 'commander';
import { isDuration, parseDuration } from '../scenario/units.js';

export function parseSeed(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > Number.MAX_SAFE_INTEGER) {
    throw new InvalidArgumentError('expected a whole number such as 42');
  }
  return Number(text);
}

/** Repeatable options (--set a=1 --set b=2) collect into a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A whole number of at least 1 (replicates, budgets). */
/** The largest count (replicates, jobs, budgets) the command line takes: more is a typo, not a plan. */
const MAX_COUNT = 10_000;

export function parseCount(text: string): number {
  const value = parseSeed(text);
  if (value < 1) throw new InvalidArgumentError('expected at least 1');
  if (value > MAX_COUNT) throw new InvalidArgumentError(`expected at most ${MAX_COUNT.toLocaleString('en-US')}, got ${value.toLocaleString('en-US')}`);
  return value;
}

/** --pace: simulated time per wall-clock second, as a duration (1d, 10m); returns minutes. */
export function parsePace(text: string): number {
  if (!isDuration(text) || parseDuration(text) <= 0) throw new InvalidArgumentError('expected simulated time per second, like 1d or 10m');
  return parseDuration(text);
}

/** A share strictly between 0 and 1 (--precision). */
export function parseShare(text: string): number {
  const value = Number(text);
  if (!(value > 0 && value < 1)) throw new InvalidArgumentError('expected a share between 0 and 1, like 0.02');
  return value;
}

/** A number of seconds, more than 0 and at most an hour (--lock-seconds). */
export function parseSeconds(text: string): number {
  const value = Number(text);
  if (!(value > 0 && value <= 3600)) throw new InvalidArgumentError('expected seconds, more than 0 and at most 3600, like 30');
  return value;
}
