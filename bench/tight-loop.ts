/**
 * The reference for `npm run bench`: the viewer-level benchmark model on the tightest loop we
 * know how to write in Node, as issue 20 measured it. Events live in typed arrays (time, kind,
 * broadcast, the viewer's departure) indexed by slot, with a free list, so nothing is allocated
 * per event; the queue is a binary heap of slot numbers ordered by (time, sequence); the random
 * numbers come from an inline xorshift128+ rather than a library. No streams, no ledger, no
 * snapshots: the fastest this model can reasonably run in JavaScript.
 */

const ARRIVAL = 0;
const DEPARTURE = 1;
const PURCHASE = 2;

export interface TightModel {
  readonly broadcasts: number;
  readonly minutesPerBroadcast: number;
  readonly arrivalsPerMinute: number;
  readonly meanDwell: number;
  readonly purchaseRate: number;
  readonly price: number;
}

export interface TightResult {
  readonly events: number;
  readonly orders: number;
  readonly gmv: number;
}

export function runTightLoop(model: TightModel, seed: number): TightResult {
  let capacity = 1 << 12;
  let time = new Float64Array(capacity);
  let sequence = new Float64Array(capacity);
  let kind = new Uint8Array(capacity);
  let broadcastOf = new Int32Array(capacity);
  let leavesAt = new Float64Array(capacity);
  let heap = new Int32Array(capacity);
  let free = new Int32Array(capacity);
  let freeCount = 0;
  let used = 0;
  let size = 0;
  let nextSequence = 0;

  const grow = () => {
    const bigger = capacity * 2;
    const widen = <T extends Float64Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const fresh = make(bigger);
      fresh.set(old);
      return fresh;
    };
    time = widen(time, (n) => new Float64Array(n));
    sequence = widen(sequence, (n) => new Float64Array(n));
    kind = widen(kind, (n) => new Uint8Array(n));
    broadcastOf = widen(broadcastOf, (n) => new Int32Array(n));
    leavesAt = widen(leavesAt, (n) => new Float64Array(n));
    heap = widen(heap, (n) => new Int32Array(n));
    free = widen(free, (n) => new Int32Array(n));
    capacity = bigger;
  };
  const before = (a: number, b: number) => time[a]! < time[b]! || (time[a] === time[b] && sequence[a]! < sequence[b]!);
  const push = (at: number, what: number, broadcast: number, leaves: number) => {
    let slot: number;
    if (freeCount > 0) slot = free[--freeCount]!;
    else {
      if (used === capacity) grow();
      slot = used++;
    }
    time[slot] = at;
    sequence[slot] = nextSequence++;
    kind[slot] = what;
    broadcastOf[slot] = broadcast;
    leavesAt[slot] = leaves;
    let index = size++;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(slot, heap[parent]!)) break;
      heap[index] = heap[parent]!;
      index = parent;
    }
    heap[index] = slot;
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap[--size]!;
    if (size > 0) {
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= size) break;
        const right = left + 1;
        const child = right < size && before(heap[right]!, heap[left]!) ? right : left;
        if (!before(heap[child]!, last)) break;
        heap[index] = heap[child]!;
        index = child;
      }
      heap[index] = last;
    }
    free[freeCount++] = top;
    return top;
  };

  // xorshift128+ on two pairs of 32-bit halves, 53 bits to a double in [0, 1).
  let s0 = (seed | 0) ^ 0x9e3779b9 || 1;
  let s1 = Math.imul(seed | 0, 0x85ebca6b) ^ 0x6c62272e || 1;
  let s2 = 0x2545f491;
  let s3 = 0x3c6ef372 ^ (seed | 0);
  const uniform = (): number => {
    let a0 = s0;
    let a1 = s1;
    const b0 = s2;
    const b1 = s3;
    s0 = b0;
    s1 = b1;
    a1 ^= (a1 << 23) | (a0 >>> 9);
    a0 ^= a0 << 23;
    a0 ^= b0 ^ (a0 >>> 17) ^ (a1 << 15);
    a1 ^= b1 ^ (a1 >>> 17) ^ (b1 >>> 26) ^ (b0 << 6);
    s2 = a0;
    s3 = a1;
    return ((a0 >>> 0) * 2 ** 21 + ((a1 >>> 0) >>> 11)) / 2 ** 53;
  };
  for (let warm = 0; warm < 16; warm++) uniform();
  const exponential = (mean: number) => -Math.log(1 - uniform()) * mean;

  for (let broadcast = 0; broadcast < model.broadcasts; broadcast++) {
    push(broadcast * model.minutesPerBroadcast + exponential(1 / model.arrivalsPerMinute), ARRIVAL, broadcast, 0);
  }
  let events = 0;
  let orders = 0;
  while (size > 0) {
    const slot = pop();
    events++;
    const now = time[slot]!;
    const broadcast = broadcastOf[slot]!;
    const what = kind[slot];
    if (what === ARRIVAL) {
      const broadcastEnd = (broadcast + 1) * model.minutesPerBroadcast;
      const leaves = Math.min(broadcastEnd, now + exponential(model.meanDwell));
      push(leaves, DEPARTURE, broadcast, leaves);
      const chance = now + exponential(1 / model.purchaseRate);
      if (chance < leaves) push(chance, PURCHASE, broadcast, leaves);
      const next = now + exponential(1 / model.arrivalsPerMinute);
      if (next < broadcastEnd) push(next, ARRIVAL, broadcast, 0);
    } else if (what === PURCHASE) {
      orders++;
      const leaves = leavesAt[slot]!;
      const next = now + exponential(1 / model.purchaseRate);
      if (next < leaves) push(next, PURCHASE, broadcast, leaves);
    }
  }
  return { events, orders, gmv: orders * model.price };
}
