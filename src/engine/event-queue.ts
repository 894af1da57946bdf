/**
 * A binary min-heap of scheduled events ordered by (time, insertion sequence).
 *
 * Why our own heap: RxJS's VirtualTimeScheduler re-sorts its whole action list on every
 * schedule, which is quadratic in pending events. Ordering ties by insertion sequence makes
 * same-time events run in the order they were scheduled, so runs are reproducible.
 */
export interface QueuedEvent<Target = unknown> {
  readonly time: number;
  readonly seq: number;
  readonly target: Target;
  readonly payload: unknown;
}

class Entry<Target> implements QueuedEvent<Target> {
  constructor(
    readonly time: number,
    readonly seq: number,
    readonly target: Target,
    readonly payload: unknown,
  ) {}
}

function before<T>(a: Entry<T>, b: Entry<T>): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

export class EventQueue<Target> {
  private readonly heap: Entry<Target>[] = [];
  private sequence = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Time of the earliest pending event, or +Infinity when empty. */
  peekTime(): number {
    const top = this.heap[0];
    return top === undefined ? Number.POSITIVE_INFINITY : top.time;
  }

  push(time: number, target: Target, payload: unknown): void {
    const heap = this.heap;
    const entry = new Entry(time, this.sequence++, target, payload);
    // Sift up with a hole instead of swaps: one write per level.
    let index = heap.length;
    heap.push(entry);
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex]!;
      if (!before(entry, parent)) break;
      heap[index] = parent;
      index = parentIndex;
    }
    heap[index] = entry;
  }

  pop(): QueuedEvent<Target> | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) return undefined;
    const last = heap.pop()!;
    const length = heap.length;
    if (length > 0) {
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= length) break;
        const right = left + 1;
        let child = left;
        if (right < length && before(heap[right]!, heap[left]!)) child = right;
        if (!before(heap[child]!, last)) break;
        heap[index] = heap[child]!;
        index = child;
      }
      heap[index] = last;
    }
    return top;
  }
}
