/**
 * The reference for `npm run bench`: the viewer-level benchmark model on a minimal hand-written
 * heap loop, with the same random generator (alea) and the same three event kinds. No streams,
 * no ledger, no snapshots: the fastest this model can reasonably run in Node.
 */
import seedrandom from 'seedrandom';

const ARRIVAL = 0;
const DEPARTURE = 1;
const PURCHASE = 2;

interface Event {
  time: number;
  seq: number;
  kind: number;
  broadcast: number;
  leaves: number;
}

export interface MinimalModel {
  readonly broadcasts: number;
  readonly minutesPerBroadcast: number;
  readonly arrivalsPerMinute: number;
  readonly meanDwell: number;
  readonly purchaseRate: number;
  readonly price: number;
}

export function runMinimalLoop(model: MinimalModel, seed: string): { events: number; orders: number; gmv: number } {
  const heap: Event[] = [];
  let seq = 0;
  const less = (a: Event, b: Event) => a.time < b.time || (a.time === b.time && a.seq < b.seq);
  const push = (time: number, kind: number, broadcast: number, leaves: number) => {
    const event = { time, seq: seq++, kind, broadcast, leaves };
    let index = heap.length;
    heap.push(event);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!less(event, heap[parent]!)) break;
      heap[index] = heap[parent]!;
      index = parent;
    }
    heap[index] = event;
  };
  const pop = (): Event => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let index = 0;
      const length = heap.length;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= length) break;
        const right = left + 1;
        const child = right < length && less(heap[right]!, heap[left]!) ? right : left;
        if (!less(heap[child]!, last)) break;
        heap[index] = heap[child]!;
        index = child;
      }
      heap[index] = last;
    }
    return top;
  };

  const uniform = seedrandom.alea(seed);
  const exponential = (mean: number) => -Math.log(1 - uniform()) * mean;
  const end = (broadcast: number) => (broadcast + 1) * model.minutesPerBroadcast;
  for (let broadcast = 0; broadcast < model.broadcasts; broadcast++) {
    push(broadcast * model.minutesPerBroadcast + exponential(1 / model.arrivalsPerMinute), ARRIVAL, broadcast, 0);
  }
  let events = 0;
  let orders = 0;
  while (heap.length > 0) {
    const event = pop();
    events++;
    const now = event.time;
    if (event.kind === ARRIVAL) {
      const broadcastEnd = end(event.broadcast);
      const leaves = Math.min(broadcastEnd, now + exponential(model.meanDwell));
      push(leaves, DEPARTURE, event.broadcast, leaves);
      const chance = now + exponential(1 / model.purchaseRate);
      if (chance < leaves) push(chance, PURCHASE, event.broadcast, leaves);
      const next = now + exponential(1 / model.arrivalsPerMinute);
      if (next < broadcastEnd) push(next, ARRIVAL, event.broadcast, 0);
    } else if (event.kind === PURCHASE) {
      orders++;
      const next = now + exponential(1 / model.purchaseRate);
      if (next < event.leaves) push(next, PURCHASE, event.broadcast, event.leaves);
    }
  }
  return { events, orders, gmv: orders * model.price };
}
