/**
 * The human units scenario files are written in, and their conversion to the model's units:
 * simulated time is minutes since the scenario's start; calendar arithmetic is done in UTC so
 * results never depend on the machine's time zone (China has no daylight saving time, so a
 * scenario's dates read as China Standard Time without loss).
 */

const DURATION_PART = /(\d+(?:\.\d+)?)(w|d|h|m|s)/g;
const DURATION = /^(?:\d+(?:\.\d+)?(?:w|d|h|m|s))+$/;
const MINUTES_PER: Record<string, number> = { w: 7 * 24 * 60, d: 24 * 60, h: 60, m: 1, s: 1 / 60 };

export const DURATION_EXAMPLES = '90m, 2h, 1h30m, 7d, 2w';

export function isDuration(text: string): boolean {
  return DURATION.test(text.trim());
}

/** Minutes in a duration such as `90m`, `2h30m`, `7d`, `2w`. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (!DURATION.test(trimmed)) throw new Error(`not a duration: ${JSON.stringify(text)} (write ${DURATION_EXAMPLES})`);
  let minutes = 0;
  for (const match of trimmed.matchAll(DURATION_PART)) minutes += Number(match[1]) * MINUTES_PER[match[2]!]!;
  return minutes;
}

/** Formats minutes back as a compact duration (`1d2h`, `45m`). */
export function formatDuration(minutes: number): string {
  if (minutes === 0) return '0m';
  const parts: string[] = [];
  let rest = Math.round(minutes);
  for (const [unit, size] of [['d', 1440], ['h', 60], ['m', 1]] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return parts.join('') || `${minutes}m`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/;
export const DATE_EXAMPLES = '2018-09-01 or 2018-09-01T20:00';

/** Milliseconds since the epoch for `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, or undefined if invalid. */
export function parseDate(text: string): number | undefined {
  const match = DATE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour = '0', minute = '0'] = match.slice(1).map((part) => part ?? '0') as string[];
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute));
  const check = new Date(ms);
  // Reject 2019-02-30 and friends instead of rolling them over.
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59) return undefined;
  return ms;
}

export function isDate(text: string): boolean {
  return parseDate(text) !== undefined;
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight for `HH:MM`, or undefined. */
export function parseTimeOfDay(text: string): number | undefined {
  const match = TIME_OF_DAY.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** [month 1-12, day] for `MM-DD`, or undefined. */
export function parseMonthDay(text: string): [number, number] | undefined {
  const match = MONTH_DAY.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}
