/**
 * Field builders shared by the scenario schema: each carries its unit in its description so the
 * generated JSON Schema (and editor hover text) says what a number means.
 */
import { z } from 'zod';
import { DATE_EXAMPLES, DURATION_EXAMPLES, isDate, parseDate, parseDuration } from './units.js';

const DURATION_PATTERN = /^(?:\d+(?:\.\d+)?(?:w|d|h|m|s))+$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?$/;
const TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const MONTH_DAY_PATTERN = /^(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Ten years: longer than any duration a scenario needs. */
const MAX_DURATION_MINUTES = 10 * 366 * 24 * 60;

/** A duration such as `90m`; longer than zero unless `allowZero`, and at most ten years. */
export const duration = (description: string, options: { readonly allowZero?: boolean } = {}) =>
  z
    .string()
    .regex(DURATION_PATTERN, { message: `expected a duration like ${DURATION_EXAMPLES}` })
    .refine((text) => !DURATION_PATTERN.test(text) || options.allowZero === true || parseDuration(text) > 0, { message: 'the duration must be longer than zero' })
    .refine((text) => !DURATION_PATTERN.test(text) || parseDuration(text) <= MAX_DURATION_MINUTES, { message: 'the duration may be at most ten years' })
    .describe(description);

const EARLIEST_DATE = Date.UTC(1970, 0, 1);
const LATEST_DATE = Date.UTC(2100, 0, 1);

export const date = (description: string) =>
  z
    .string()
    .regex(DATE_PATTERN, { message: `expected a date like ${DATE_EXAMPLES}` })
    .refine(isDate, { message: 'not a calendar date (check the month, day and time)' })
    .refine((text) => !isDate(text) || (parseDate(text)! >= EARLIEST_DATE && parseDate(text)! < LATEST_DATE), { message: 'expected a date between 1970 and 2100' })
    .describe(description);

export const timeOfDay = (description: string) =>
  z.string().regex(TIME_PATTERN, { message: 'expected a time of day like 19:30' }).describe(description);

/** Days in each month of a yearly window (February 29 is not in every year, so not a day a window may name). */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const monthDay = (description: string) =>
  z
    .string()
    .regex(MONTH_DAY_PATTERN, { message: 'expected a month and day like 11-01' })
    .refine((text) => !MONTH_DAY_PATTERN.test(text) || Number(text.slice(3)) <= DAYS_IN_MONTH[Number(text.slice(0, 2)) - 1]!, {
      message: 'not a day of that month in every year (a window repeats yearly: February has 28 days)',
    })
    .describe(description);

export const id = (what: string) =>
  z
    .string()
    .regex(ID_PATTERN, { message: 'expected letters, digits, - or _, starting with a letter or digit' })
    .describe(`Identifier of this ${what}, unique among ${what}s; other fields refer to it.`);

export const reference = (what: string) => z.string().describe(`The id of a ${what}.`);

/** A share between 0 and 1. */
export const share = (description: string) => z.number().min(0).max(1).describe(`${description} (share, 0-1)`);

/** Money per unit or per fee: at most a million yuan, so sums in fen stay exact. */
export const yuan = (description: string) => z.number().min(0).max(1_000_000).describe(`${description} (yuan)`);

export const positive = (description: string) => z.number().positive().describe(description);

export const nonNegative = (description: string) => z.number().min(0).describe(description);

/** Ten billion: more than there are people, so a count beyond it is a typo in an order of magnitude. */
const MAX_COUNT = 10_000_000_000;

export const count = (description: string, max = MAX_COUNT) => z.number().int().min(0).max(max).describe(description);

/** A fixed number, or a lognormal spread given by its median and log-scale sigma; at most `max` (beyond any real value). */
export const spread = (description: string, max: number) =>
  z
    .union([
      z.number().min(0).max(max),
      z.strictObject({
        median: z.number().positive().max(max).describe('Median of the lognormal spread'),
        sigma: z.number().min(0).max(3).describe('Standard deviation of the logarithm (0 = no spread)'),
      }),
    ])
    .describe(`${description}: a number, or { median, sigma } for a lognormal spread across households`);

