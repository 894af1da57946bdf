/**
 * How many viewers watch now, across broadcasts (a class's broadcasts count every member's). One
 * owner for the count: viewers arriving and leaving, and a broadcast ending with its audience,
 * change it only here.
 */
export class Watching {
  private count = 0;

  /** Viewers watching now. */
  get viewers(): number {
    return this.count;
  }

  /** `delta` viewers came (more than 0) or went (less than 0); returns how many watch now. */
  change(delta: number): number {
    this.count += delta;
    return this.count;
  }
}
