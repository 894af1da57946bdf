/**
 * Field builders shared by the scenario schema: each carries its unit in its description so the
 * generated JSON Schema (and editor hover text) says what a number means.
 */
import { z } from 'zod';
import { DATE_EXAMPLES, DURATION_EXAMPLES, isDate } from './units.js';

const DURATION_PATTERN = /^(?:\d+(?:\.\d+)?(?:w|d|h|m|s))+$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?$/;
const TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const MONTH_DAY_PATTERN = /^(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export const duration = (description: string) =>
  z.string().regex(DURATION_PATTERN, { message: `expected a duration like ${DURATION_EXAMPLES}` }).describe(description);

export const date = (description: string) =>
  z
    .string()
    .regex(DATE_PATTERN, { message: `expected a date like ${DATE_EXAMPLES}` })
    .refine(isDate, { message: 'not a calendar date (check the month, day and time)' })
    .describe(description);

export const timeOfDay = (description: string) =>
  z.string().regex(TIME_PATTERN, { message: 'expected a time of day like 19:30' }).describe(description);

export const monthDay = (description: string) =>
  z.string().regex(MONTH_DAY_PATTERN, { message: 'expected a month and day like 11-01' }).describe(description);

export const id = (what: string) =>
  z
    .string()
    .regex(ID_PATTERN, { message: 'expected letters, digits, - or _, starting with a letter or digit' })
    .describe(`Identifier of this ${what}, unique among ${what}s; other fields refer to it.`);

export const reference = (what: string) => z.string().describe(`The id of a ${what}.`);

/** A share between 0 and 1. */
export const share = (description: string) => z.number().min(0).max(1).describe(`${description} (share, 0-1)`);

export const yuan = (description: string) => z.number().min(0).describe(`${description} (yuan)`);

export const positive = (description: string) => z.number().positive().describe(description);

export const nonNegative = (description: string) => z.number().min(0).describe(description);

export const count = (description: string) => z.number().int().min(0).describe(description);

/** A fixed number, or a lognormal spread given by its median and log-scale sigma. */
export const spread = (description: string) =>
  z
    .union([
      z.number().min(0),
      z.strictObject({
        median: z.number().positive().describe('Median of the lognormal spread'),
        sigma: z.number().min(0).max(3).describe('Standard deviation of the logarithm (0 = no spread)'),
      }),
    ])
    .describe(`${description}: a number, or { median, sigma } for a lognormal spread across households`);

export type Spread = z.output<ReturnType<typeof spread>>;
