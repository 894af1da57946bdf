/** When an anchor's broadcasts start: explicit dates, a fixed cadence, or a Poisson rate. */
import { poisson } from '../../engine/distributions.js';
import type { Uniform } from '../../engine/random.js';
import type { Calendar } from './calendar.js';
import { MINUTES_PER_DAY } from './calendar.js';
import type { ScheduleParams } from '../params.js';

/** Start minutes of a series' broadcasts within the run, in order. */
export function broadcastStarts(schedule: ScheduleParams, calendar: Calendar, uniform: Uniform): number[] {
  if (schedule.kind === 'dates') return [...schedule.starts];
  const { from, until } = schedule;
  const starts: number[] = [];
  if (schedule.kind === 'cadence') {
    let minute = calendar.midnightBefore(from) + schedule.at;
    while (minute < from) minute += schedule.every;
    for (; minute < until; minute += schedule.every) starts.push(minute);
    return starts;
  }
  const [earliest, latest] = schedule.between;
  for (let midnight = calendar.midnightBefore(from); midnight < until; midnight += MINUTES_PER_DAY) {
    const count = poisson(uniform, schedule.perDay);
    const day: number[] = [];
    for (let index = 0; index < count; index++) day.push(midnight + earliest + uniform() * (latest - earliest));
    day.sort((a, b) => a - b);
    for (const minute of day) if (minute >= from && minute < until) starts.push(minute);
  }
  return starts;
}
