import { describe, expect, it } from 'vitest';
import { RandomStreams, deriveSeed } from '../../src/engine/random.js';

const draw = (uniform: () => number, count: number) => Array.from({ length: count }, () => uniform());

describe('RandomStreams', () => {
  it('gives the same numbers for the same root seed and stream name', () => {
    expect(draw(new RandomStreams(42).stream('anchor/a/viewers'), 5)).toEqual(draw(new RandomStreams(42).stream('anchor/a/viewers'), 5));
  });

  it('gives different numbers for different seeds or names', () => {
    const reference = draw(new RandomStreams(42).stream('x'), 5);
    expect(draw(new RandomStreams(43).stream('x'), 5)).not.toEqual(reference);
    expect(draw(new RandomStreams(42).stream('y'), 5)).not.toEqual(reference);
  });

  it('keeps a stream unchanged when other streams are created or drawn from', () => {
    const alone = new RandomStreams(7);
    const expected = draw(alone.stream('anchor/a/arrivals'), 10);
    const crowded = new RandomStreams(7);
    draw(crowded.stream('anchor/new-anchor/arrivals'), 100);
    const stream = crowded.stream('anchor/a/arrivals');
    draw(crowded.stream('farmers/new-group'), 100);
    expect(draw(stream, 10)).toEqual(expected);
  });

  it('returns uniforms in [0, 1)', () => {
    const values = draw(new RandomStreams(1).stream('u'), 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});

describe('deriveSeed', () => {
  it('derives distinct, reproducible seeds per label', () => {
    const seeds = Array.from({ length: 100 }, (_, index) => deriveSeed(1, `replicate/${index}`));
    expect(new Set(seeds).size).toBe(100);
    expect(deriveSeed(1, 'replicate/3')).toBe(seeds[3]);
    expect(deriveSeed(2, 'replicate/3')).not.toBe(seeds[3]);
  });
});
