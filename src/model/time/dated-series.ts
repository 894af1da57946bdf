/**
 * A figure known at some dates (a platform's shoppers, a niche's daily views): linear between
 * the dated points and flat before the first and after the last.
 */
export class DatedSeries {
  /** (minute, value) points in time order. */
  private readonly points: readonly (readonly [number, number])[];

  constructor(points: readonly (readonly [number, number])[]) {
    this.points = [...points].sort((a, b) => a[0] - b[0]);
  }

  at(minute: number): number {
    const points = this.points;
    if (minute <= points[0]![0]) return points[0]![1];
    for (let index = 1; index < points.length; index++) {
      const [at, value] = points[index]!;
      if (minute <= at) {
        const [before, valueBefore] = points[index - 1]!;
        return valueBefore + ((value - valueBefore) * (minute - before)) / (at - before);
      }
    }
    return points[points.length - 1]![1];
  }
}
