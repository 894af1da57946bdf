/**
 * `livesim run`, one replicate or a batch: what it prints on stdout and stderr, the run directory
 * it writes, and an --out it will not write over. Called as a function, in this process (./livesim.ts).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/paths.js';
import { tinyScenario, writeFiles } from '../helpers.js';
import { livesim } from './livesim.js';

const ANSI = /\u001b\[/;

describe('livesim run', () => {
  it('run --json: the summary on stdout and nothing else; progress on stderr; a complete run directory', async () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    const { code, stdout, stderr } = await livesim(['run', 'county.yaml', '--seed', '4', '--out', 'out', '--json'], { cwd: dir });
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ scenario: 'tiny', seed: 4, complete: true, runDirectory: 'out' });
    expect(summary.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.engine.events).toBeGreaterThan(0);
    expect(summary.engine.wallSeconds).toBeGreaterThanOrEqual(0);
    expect(Object.keys(summary.metrics)).toEqual(expect.arrayContaining(['gmv', 'orders', 'units', 'broadcasts', 'views', 'farmerRevenue', 'householdsAboveLine']));
    // What live commerce gained the farmers, named plainly, in total and per household group.
    expect(Object.keys(summary.metrics)).toEqual(expect.arrayContaining(['gain', 'gainPremium', 'gainVolume', 'gainSpillover', 'incomeWith', 'incomeWithout']));
    for (const outcome of [summary.farmers.total, ...summary.farmers.groups]) {
      expect(Object.keys(outcome)).toEqual(expect.arrayContaining(['group', 'gain', 'premium', 'volume', 'spillover', 'wages', 'incomeWith', 'incomeWithout', 'aboveLine', 'aboveLineWithout']));
    }
    expect(summary.farmers.groups.map((outcome: { group: string }) => outcome.group)).toEqual(['village']);
    const partsInFen = Object.values(summary.ledger.parts as Record<string, number>).reduce((sum, yuan) => sum + Math.round(yuan * 100), 0);
    expect(partsInFen).toBe(Math.round(summary.ledger.gmv * 100));
    expect(stderr).not.toMatch(/error/i);

    const files = readdirSync(path.join(dir, 'out')).sort();
    expect(files).toEqual(['broadcasts.csv', 'households.csv', 'manifest.json', 'summary.json', 'timeseries-daily.csv', 'timeseries.csv']);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out', 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ complete: true, seed: 4, scenarioHash: summary.scenarioHash, livesimVersion: VERSION });
    expect(manifest.resolvedScenario.name).toBe('tiny');
    const stored = JSON.parse(readFileSync(path.join(dir, 'out', 'summary.json'), 'utf8'));
    expect(stored.metrics).toEqual(summary.metrics);
    const timeseries = readFileSync(path.join(dir, 'out', 'timeseries.csv'), 'utf8').trim().split('\n');
    expect(timeseries[0]).toMatch(/^period,broadcasts,/);
    expect(timeseries[1]).toMatch(/^2020-03,3,/);
    const broadcasts = readFileSync(path.join(dir, 'out', 'broadcasts.csv'), 'utf8').trim().split('\n');
    expect(broadcasts[0]).toBe('broadcast,count,anchor,series,start,minutes,welfare,views,peakConcurrentViewers,orders,units,lostOrders,stockOuts,gmv,sellerMargin,conversion,gmvPerThousandViews,finished');
    expect(broadcasts).toHaveLength(4);
  });

  it('run without --json prints a readable report, plain when not on a terminal', async () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    const { code, stdout } = await livesim(['run', 'county.yaml'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('where the money went');
    expect(stdout).toMatch(/results in runs[/\\]tiny-3-\d{8}-\d{6}/);
    expect(stdout).not.toMatch(ANSI);
    expect(readdirSync(path.join(dir, 'runs'))).toHaveLength(1);
  });

  it('run --replicates: a batch with per-metric means and intervals, one row per replicate', async () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    const { code, stdout } = await livesim(['run', 'county.yaml', '--replicates', '3', '--out', 'batch', '--json'], { cwd: dir });
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ scenario: 'tiny', rootSeed: 3, replicates: 3, complete: true });
    expect(summary.metrics.gmv.ci95).toHaveLength(2);
    expect(readFileSync(path.join(dir, 'batch', 'replicates.csv'), 'utf8').trim().split('\n')).toHaveLength(4);
    expect(JSON.parse(readFileSync(path.join(dir, 'batch', 'manifest.json'), 'utf8'))).toMatchObject({ kind: 'replicates', replicates: 3, complete: true });
  });

  it('--out holding a run is refused unless --force, which replaces it; a run writing there locks it', async () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    expect((await livesim(['run', 'county.yaml', '-q', '--out', 'out'], { cwd: dir })).code).toBe(0);
    const again = await livesim(['run', 'county.yaml', '-q', '--out', 'out', '--replicates', '2'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already holds a run');
    expect((await livesim(['run', 'county.yaml', '-q', '--out', 'out', '--replicates', '2', '--force'], { cwd: dir })).code).toBe(0);
    // Only the batch's files now: nothing of the single run is left beside them.
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['manifest.json', 'replicates-timeseries.csv', 'replicates.csv', 'summary.json']);
    mkdirSync(path.join(dir, 'busy'));
    writeFileSync(path.join(dir, 'busy', '.livesim.lock'), '1\n');
    const busy = await livesim(['run', 'county.yaml', '-q', '--out', 'busy'], { cwd: dir });
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/livesim (run|process \d+ on .*) is writing there/);
  });
});
