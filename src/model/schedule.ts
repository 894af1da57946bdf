/** When an anchor's broadcasts start: explicit dates, a fixed cadence, or a Poisson rate. */
import { poisson } from '../engine/distributions.js';
import type { Uniform } from '../engine/random.js';
import type { BroadcastSeries } from '../scenario/schema.js';
import { parseDuration, parseTimeOfDay } from '../scenario/units.js';
import { MINUTES_PER_DAY, type Calendar } from './calendar.js';

/**
 * The minutes within which a series may start broadcasts: its `from` day to the end of its
 * `until` day, clipped to the run. Explicit dates are their own window.
 */
export function seriesWindow(series: BroadcastSeries, calendar: Calendar): { from: number; until: number } {
  const schedule = series.schedule;
  if (schedule.kind === 'dates') return { from: 0, until: calendar.horizon };
  return {
    from: Math.max(0, schedule.from === undefined ? 0 : calendar.minuteOfDate(schedule.from)),
    until: Math.min(calendar.horizon, schedule.until === undefined ? calendar.horizon : calendar.minuteOfDate(schedule.until) + 1),
  };
}

/** Start minutes of a series' broadcasts within the run, in order. */
export function broadcastStarts(series: BroadcastSeries, calendar: Calendar, uniform: Uniform): number[] {
  const schedule = series.schedule;
  if (schedule.kind === 'dates') {
    return schedule.dates
      .map((date) => calendar.minuteOfDate(date))
      .filter((minute) => minute >= 0 && minute < calendar.horizon)
      .sort((a, b) => a - b);
  }
  const { from, until } = seriesWindow(series, calendar);
  const starts: number[] = [];
  if (schedule.kind === 'cadence') {
    const every = parseDuration(schedule.every);
    let minute = calendar.midnightBefore(from) + parseTimeOfDay(schedule.at)!;
    while (minute < from) minute += every;
    for (; minute < until; minute += every) starts.push(minute);
    return starts;
  }
  const earliest = parseTimeOfDay(schedule.between[0])!;
  let latest = parseTimeOfDay(schedule.between[1])!;
  if (latest < earliest) latest += MINUTES_PER_DAY; // a window across midnight
  for (let midnight = calendar.midnightBefore(from); midnight < until; midnight += MINUTES_PER_DAY) {
    const count = poisson(uniform, schedule.perDay);
    const day: number[] = [];
    for (let index = 0; index < count; index++) day.push(midnight + earliest + uniform() * (latest - earliest));
    day.sort((a, b) => a - b);
    for (const minute of day) if (minute >= from && minute < until) starts.push(minute);
  }
  return starts;
}
