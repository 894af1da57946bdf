import { describe, expect, it } from 'vitest';
import { take, toArray } from 'rxjs';
import { EventStream } from '../../src/engine/event-stream.js';

describe('EventStream', () => {
  it('calls handlers and RxJS observers in the order they subscribed', () => {
    const stream = new EventStream<number>('order');
    const calls: string[] = [];
    stream.on((units) => calls.push(`first ${units}`));
    stream.events$.subscribe((units) => calls.push(`observer ${units}`));
    stream.on((units) => calls.push(`last ${units}`));
    stream.emit(3);
    expect(calls).toEqual(['first 3', 'observer 3', 'last 3']);
  });

  it('lets a handler unsubscribe while an event is being published, from the next event on', () => {
    const stream = new EventStream<string>('tick');
    const seen: string[] = [];
    const stop = stream.on((label) => {
      seen.push(`once ${label}`);
      stop();
    });
    stream.on((label) => seen.push(`always ${label}`));
    stream.emit('a');
    stream.emit('b');
    expect(seen).toEqual(['once a', 'always a', 'always b']);
  });

  it('stops a handler another one unsubscribes at once, even for the event being published', () => {
    const stream = new EventStream<number>('tick');
    const seen: string[] = [];
    let stopLater = () => {};
    stream.on((tick) => {
      seen.push(`first ${tick}`);
      stopLater();
    });
    stopLater = stream.on((tick) => seen.push(`later ${tick}`));
    stream.emit(1);
    expect(seen).toEqual(['first 1']);
  });

  it('unsubscribes only its own handler, however often it is called, even when the handler was subscribed twice', () => {
    const stream = new EventStream<number>('tick');
    let heard = 0;
    const count = () => void heard++;
    const stopFirst = stream.on(count);
    stream.on(count);
    stopFirst();
    stopFirst();
    stream.emit(1);
    expect(heard).toBe(1);
  });

  it('ends an observer subscription like any RxJS source', async () => {
    const stream = new EventStream<number>('viewer');
    const firstTwo = new Promise<number[]>((resolve) => stream.events$.pipe(take(2), toArray()).subscribe(resolve));
    for (const viewer of [7, 8, 9]) stream.emit(viewer);
    expect(await firstTwo).toEqual([7, 8]);
  });

  it("lets a handler's error out to whoever published the event", () => {
    const stream = new EventStream<number>('broken');
    stream.on(() => {
      throw new RangeError('no such product');
    });
    expect(() => stream.emit(1)).toThrow('no such product');
  });
});
