/**
 * Simulated minutes <-> calendar dates. Minute 0 is the scenario's start; dates are computed in
 * UTC arithmetic so a run never depends on the machine's time zone.
 */
export const MS_PER_MINUTE = 60_000;
export const MINUTES_PER_DAY = 1440;

export class Calendar {
  /** Length of the run in minutes. */
  readonly horizon: number;

  constructor(
    readonly startMs: number,
    readonly endMs: number,
  ) {
    this.horizon = (this.endMs - this.startMs) / MS_PER_MINUTE;
  }

  dateAt(minute: number): Date {
    return new Date(this.startMs + minute * MS_PER_MINUTE);
  }

  /** The first midnight at or after the start, in minutes (0 when the start is a midnight). */
  firstMidnight(): number {
    const start = this.dateAt(0);
    const minutesIntoDay = start.getUTCHours() * 60 + start.getUTCMinutes();
    return minutesIntoDay === 0 ? 0 : MINUTES_PER_DAY - minutesIntoDay;
  }

  /** Minute of midnight starting the day that contains `minute`. */
  midnightBefore(minute: number): number {
    const date = this.dateAt(minute);
    return minute - (date.getUTCHours() * 60 + date.getUTCMinutes() + date.getUTCSeconds() / 60);
  }

  /** `YYYY-MM-DD`. */
  dayLabel(minute: number): string {
    return this.dateAt(minute).toISOString().slice(0, 10);
  }

  /** `YYYY-MM-DD HH:MM`. */
  timeLabel(minute: number): string {
    const iso = this.dateAt(minute).toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }

  /** [month 1-12, day of month] of `minute`. */
  monthDayAt(minute: number): [number, number] {
    const date = this.dateAt(minute);
    return [date.getUTCMonth() + 1, date.getUTCDate()];
  }
}
