import type { LiveBroadcast } from './live-broadcast.js';

/**
 * The viewers watching at agent fidelity, as struct-of-arrays state: a viewer is a number, an
 * index into the broadcast it watches and the time it leaves. Its departure frees the number for
 * the next arrival, so a run allocates nothing per viewer once the arrays have grown to the
 * largest audience (issue 20: one object per viewer made the cost per event grow with the
 * audience). A viewer's purchase chances all fall before its departure, so nothing refers to a
 * freed number.
 */
export class ViewerPool {
  private readonly broadcasts: (LiveBroadcast | undefined)[] = [];
  private leaving = new Float64Array(1024);
  private free = new Int32Array(1024);
  private freeCount = 0;
  private used = 0;

  /** A viewer of `broadcast` who leaves at `leaves`. */
  admit(broadcast: LiveBroadcast, leaves: number): number {
    let viewer: number;
    if (this.freeCount > 0) viewer = this.free[--this.freeCount]!;
    else {
      if (this.used === this.leaving.length) this.grow();
      viewer = this.used++;
    }
    this.broadcasts[viewer] = broadcast;
    this.leaving[viewer] = leaves;
    return viewer;
  }

  broadcastOf(viewer: number): LiveBroadcast {
    return this.broadcasts[viewer]!;
  }

  /** When `viewer` leaves (at the latest, when the broadcast ends). */
  leavesAt(viewer: number): number {
    return this.leaving[viewer]!;
  }

  /** `viewer` left; its number may be given to the next arrival. */
  release(viewer: number): void {
    this.broadcasts[viewer] = undefined;
    this.free[this.freeCount++] = viewer;
  }

  private grow(): void {
    const leaving = new Float64Array(this.leaving.length * 2);
    leaving.set(this.leaving);
    this.leaving = leaving;
    const free = new Int32Array(this.free.length * 2);
    free.set(this.free);
    this.free = free;
  }
}
