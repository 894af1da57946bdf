/**
 * A value per simulated hour for the last `size` hours, in a ring (constant memory, O(1) per
 * event): for live views' trends, not for results.
 */
export class HourRing {
  private readonly values: Float64Array;
  private readonly stamps: Float64Array;

  constructor(private readonly size: number) {
    this.values = new Float64Array(size);
    this.stamps = new Float64Array(size).fill(-1);
  }

  /** The slot of the hour containing `now`, cleared when it starts a new hour. */
  private slotAt(now: number): number {
    const hour = Math.floor(now / 60);
    const slot = hour % this.size;
    if (this.stamps[slot] !== hour) {
      this.stamps[slot] = hour;
      this.values[slot] = 0;
    }
    return slot;
  }

  add(now: number, amount: number): void {
    this.values[this.slotAt(now)]! += amount;
  }

  /** Keeps the hour's largest value. */
  max(now: number, value: number): void {
    const slot = this.slotAt(now);
    if (value > this.values[slot]!) this.values[slot] = value;
  }

  /** The last `hours` hours up to `now`, oldest first (0 for hours with nothing recorded). */
  window(now: number, hours: number): number[] {
    const current = Math.floor(now / 60);
    const result: number[] = [];
    for (let hour = current - Math.min(hours, this.size) + 1; hour <= current; hour++) {
      const slot = ((hour % this.size) + this.size) % this.size;
      result.push(hour >= 0 && this.stamps[slot] === hour ? this.values[slot]! : 0);
    }
    return result;
  }
}
