/** Naming stored runs: short ids that tell them apart, handles counting back from the newest. */
import { describe, expect, it } from 'vitest';
import { resolveRunReference, runDirectoryOf, shortIds } from '../../src/experiment/run/run-reference.js';

const runs = ['runs/demo-county-7-20261201-100000', 'runs/demo-county-7-20261201-100500', 'runs/weiya-welfare-2020-20261201-101000'].map((directory) => ({ directory }));

describe('short run ids', () => {
  it('are hex, at least four digits, the same length for all, and tell every run apart', () => {
    const ids = shortIds(runs.map((run) => run.directory));
    const values = [...ids.values()];
    expect(new Set(values).size).toBe(runs.length);
    for (const id of values) expect(id).toMatch(/^[0-9a-f]{4,}$/);
    expect(new Set(values.map((id) => id.length)).size).toBe(1);
  });

  it('grow when four digits would not tell a thousand runs apart', () => {
    const many = Array.from({ length: 1000 }, (_, index) => `runs/demo-county-${index}`);
    const ids = shortIds(many);
    expect(new Set(ids.values()).size).toBe(1000);
    expect([...ids.values()][0]!.length).toBeGreaterThan(4);
  });

  it('name the same run whatever else is listed: an id is its directory name’s', () => {
    expect(shortIds([runs[0]!.directory]).get(runs[0]!.directory)!.slice(0, 4)).toBe(shortIds(runs.map((run) => run.directory)).get(runs[0]!.directory)!.slice(0, 4));
  });
});

describe('run references', () => {
  const ids = shortIds(runs.map((run) => run.directory));

  it('@latest and @1 are the newest (the first listed), @3 the third', () => {
    expect(resolveRunReference('@latest', runs)).toBe(runs[0]!.directory);
    expect(resolveRunReference('@1', runs)).toBe(runs[0]!.directory);
    expect(resolveRunReference('@3', runs)).toBe(runs[2]!.directory);
  });

  it('a handle past the oldest says how many there are', () => {
    expect(() => resolveRunReference('@4', runs)).toThrow('there are 3 runs in runs/');
    expect(() => resolveRunReference('@0', runs)).toThrow('there are 3 runs');
    expect(() => resolveRunReference('@latest', [])).toThrow('no runs in runs/ yet');
  });

  it('a short id, or any longer prefix of the full id, names its run; an unknown one names none', () => {
    const id = ids.get(runs[1]!.directory)!;
    expect(resolveRunReference(id, runs)).toBe(runs[1]!.directory);
    expect(resolveRunReference('0000000000', runs.slice(0, 0))).toBeUndefined();
    expect(resolveRunReference('demo-county', runs)).toBeUndefined();
  });

  it('an id no run has is an error that says so, unless a file has that name', () => {
    expect(() => runDirectoryOf('00000000', () => runs)).toThrow('no run has the id 00000000 in runs/');
    expect(runDirectoryOf('demo-county', () => runs)).toBeUndefined();
  });

  it('a prefix two runs share is refused with both names', () => {
    // 2,000 names over 65,536 four-digit prefixes: some two share one (the hash is fixed, so always the same two).
    const many = Array.from({ length: 2000 }, (_, index) => ({ directory: `runs/r-${index}` }));
    const counts = new Map<string, number>();
    for (const run of many) for (const id of shortIds([run.directory]).values()) counts.set(id.slice(0, 4), (counts.get(id.slice(0, 4)) ?? 0) + 1);
    const shared = [...counts].find(([, count]) => count > 1);
    expect(shared).toBeDefined();
    expect(() => resolveRunReference(shared![0], many)).toThrow(/matches \d runs/);
  });
});
