/**
 * The commands over batches of replicates (check, calibrate, compare, sweep, sensitivity,
 * uncertainty) and the stored runs they read (runs, report): their output, the files they write,
 * the same files for the same seed, and their exit codes. Called as a function, in this process
 * (./livesim.ts), on a scenario that runs in milliseconds.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tinyScenario, writeFiles } from '../helpers.js';
import { livesim } from './livesim.js';

describe('livesim over batches of replicates', () => {
  it('check --json: per target the expected figure, the mean with its interval, the error and a verdict; exit 1 on a miss', async () => {
    const target = (expected: number) => ({ id: 'orders', metric: 'orders', aggregate: 'sum', expected, tolerance: 0.9, source: 'made up' });
    const dir = writeFiles({ 'met.yaml': tinyScenario({ targets: [target(30)] }), 'missed.yaml': tinyScenario({ targets: [target(5000)] }) });
    const met = await livesim(['check', 'met.yaml', '--replicates', '6', '--json'], { cwd: dir });
    expect(met.code).toBe(0);
    const report = JSON.parse(met.stdout);
    expect(report.pass).toBe(true);
    expect(report.results[0]).toMatchObject({ scenario: 'tiny', target: 'orders', kind: 'reproduced', metric: 'orders', measures: 'sum whole run', expected: 30, tolerance: 0.9, pass: true });
    expect(report.validation).toEqual([]);
    expect(report.results[0].simulated.ci95).toHaveLength(2);
    expect(met.stderr).toContain('6/6 replicates');
    const missed = await livesim(['check', 'missed.yaml', '--replicates', '2'], { cwd: dir });
    expect(missed.code).toBe(1);
    expect(missed.stdout).toMatch(/orders\s+orders sum whole run\s+5,000 ±90%\s+.*FAIL/);
    // --set, as in every command: the same scenario, off its fit, misses.
    expect((await livesim(['check', 'met.yaml', '--replicates', '2', '--set', 'behaviour.purchaseRate=0.0001'], { cwd: dir })).code).toBe(1);
  });

  it('check tells a target fitted exactly by its own knob from evidence, and counts only independent validation figures', async () => {
    const figure = { metric: 'orders', aggregate: 'sum', expected: 30, tolerance: 0.9, source: 'made up' };
    const dir = writeFiles({
      'fitted.yaml': tinyScenario({
        targets: [{ id: 'orders', ...figure }],
        validation: [
          { id: 'same-orders', relation: 'inside-targets', ...figure },
          { id: 'gmv', relation: 'other-quantity', ...figure, metric: 'gmv', expected: 1000 },
        ],
        calibration: { free: [{ path: 'behaviour.purchaseRate', min: 0.001, max: 0.0065, prior: 'conversion' }] },
      }),
    });
    const json = JSON.parse((await livesim(['check', 'fitted.yaml', '--replicates', '4', '--json'], { cwd: dir })).stdout);
    expect(json.results[0]).toMatchObject({ target: 'orders', kind: 'reproduced', fit: 'fitted-exactly' });
    expect(json.validation.map((entry: { relation: string; independent: boolean }) => [entry.relation, entry.independent])).toEqual([
      ['inside-targets', false],
      ['other-quantity', true],
    ]);
    const { stdout } = await livesim(['check', 'fitted.yaml', '--replicates', '4'], { cwd: dir });
    expect(stdout).toContain('fitted exactly: as many knobs as targets (checked, not evidence)');
    expect(stdout).toMatch(/0\/0 reproduced targets pass, fitted exactly 1\/1 \(not evidence\); validation \d\/1 independent figures within tolerance \(\d\/1 more not independent\)/);
  });

  it('calibrate writes the fitted scenario and prints the fit', async () => {
    const dir = writeFiles({
      'fit.yaml': tinyScenario({
        targets: [{ id: 'orders', metric: 'orders', aggregate: 'sum', expected: 40, tolerance: 0.05, source: 'made up' }],
        calibration: { free: [{ path: 'behaviour.purchaseRate', min: 0.001, max: 0.0065, prior: 'conversion' }] },
      }),
    });
    const { code, stdout } = await livesim(['calibrate', 'fit.yaml', '--budget', '8', '--replicates', '2', '--out', 'fitted.yaml'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('behaviour.purchaseRate');
    expect(stdout).toContain('fitted scenario written to fitted.yaml');
    expect(readFileSync(path.join(dir, 'fitted.yaml'), 'utf8')).toMatch(/^# livesim calibrate: the fit/);
    expect((await livesim(['validate', 'fitted.yaml'], { cwd: dir })).code).toBe(0);
    // --json: the fit for machines, nothing else on stdout; --quiet: no progress.
    const json = await livesim(['calibrate', 'fit.yaml', '--budget', '4', '--replicates', '2', '--out', 'again.yaml', '--json', '--quiet', '--jobs', '1'], { cwd: dir });
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toMatchObject({
      complete: true,
      fittedScenario: 'again.yaml',
      parameters: [{ path: 'behaviour.purchaseRate', bounds: [0.001, 0.0065] }],
      targets: [{ target: 'orders', fit: 'fitted-exactly' }],
      identification: { degreesOfFreedom: 0 },
    });
  });

  it('compare --json of a scenario with itself: zero differences; runs lists stored batches, which compare can take', async () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    const same = JSON.parse((await livesim(['compare', 'county.yaml', 'county.yaml', '--replicates', '3', '--json'], { cwd: dir })).stdout);
    expect(same.replicates).toBe(3);
    for (const metric of same.metrics) {
      expect(metric.delta.mean).toBe(0);
      expect(metric.significant).toBe(false);
    }
    await livesim(['run', 'county.yaml', '--replicates', '3', '--out', 'runs/a'], { cwd: dir });
    await livesim(['run', 'county.yaml', '--replicates', '3', '--out', 'runs/b', '--set', 'anchors.mei.recommendedTraffic=5000'], { cwd: dir });
    const runs = JSON.parse((await livesim(['runs', '--json'], { cwd: dir })).stdout);
    expect(runs.map((run: { id: string }) => run.id).sort()).toEqual(['a', 'b']);
    expect(runs[0]).toMatchObject({ kind: 'replicates', scenario: 'tiny', replicates: 3, complete: true });
    const stored = await livesim(['compare', 'runs/a', 'runs/b', '--metric', 'orders', '--format', 'markdown'], { cwd: dir });
    expect(stored.code).toBe(0);
    expect(stored.stdout).toMatch(/\| orders \| .* \| yes \|/);
    // The ids runs shows, and the handles, name the same runs: @1 is the newest (b).
    const [newest, older] = runs as { shortId: string }[];
    expect(newest!.shortId).toMatch(/^[0-9a-f]{4,}$/);
    const byHandle = await livesim(['compare', '@2', '@1', '--metric', 'orders', '--json'], { cwd: dir });
    const byId = await livesim(['compare', older!.shortId, newest!.shortId, '--metric', 'orders', '--json'], { cwd: dir });
    expect(JSON.parse(byHandle.stdout).metrics).toEqual(JSON.parse(byId.stdout).metrics);
    expect((await livesim(['report', '@latest'], { cwd: dir })).stdout.trim()).toBe(path.join('runs', 'b', 'report.html'));
    expect(await livesim(['report', '@3'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('there are 2 runs in runs/') });
  });

  it('compare of two single runs compares them directly and says there is no interval; a single run against a batch is refused with what to do', async () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    await livesim(['run', 'county.yaml', '--out', 'runs/one', '--quiet'], { cwd: dir });
    await livesim(['run', 'county.yaml', '--out', 'runs/two', '--seed', '9', '--quiet'], { cwd: dir });
    const singles = await livesim(['compare', 'runs/one', 'runs/two', '--metric', 'orders'], { cwd: dir });
    expect(singles.code).toBe(0);
    expect(singles.stdout).toContain('single runs: one outcome each, so the difference has no interval');
    expect(singles.stdout).toMatch(/orders\s+\S+\s+\S+/);
    expect(singles.stderr).toContain('--replicates 10');
    const mixed = await livesim(['compare', 'runs/one', 'county.yaml'], { cwd: dir });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('county.yaml is not a single run, and a single run can only be compared with another');
  });

  it('stored runs that are broken are refused by compare and skipped by runs, saying so', async () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    expect((await livesim(['run', 'county.yaml', '-q', '--replicates', '2', '--out', 'runs/good'], { cwd: dir })).code).toBe(0);
    const manifest = readFileSync(path.join(dir, 'runs', 'good', 'manifest.json'), 'utf8');
    const csv = readFileSync(path.join(dir, 'runs', 'good', 'replicates.csv'), 'utf8');
    const broken: Record<string, [string, string]> = {
      'not-json': ['{ nope', csv],
      null: ['null', csv],
      'no-seeds': [JSON.stringify({ ...JSON.parse(manifest), seeds: undefined }), csv],
      'bad-csv': [manifest, `${csv.trim()},extra\n`],
    };
    for (const [name, [manifestText, csvText]] of Object.entries(broken)) {
      mkdirSync(path.join(dir, 'runs', name));
      writeFileSync(path.join(dir, 'runs', name, 'manifest.json'), manifestText);
      writeFileSync(path.join(dir, 'runs', name, 'replicates.csv'), csvText);
      const compared = await livesim(['compare', 'runs/good', `runs/${name}`], { cwd: dir });
      expect(compared.code, `${name}: ${compared.stderr}`).toBe(2);
      expect(compared.stderr, name).not.toMatch(/^\s+at /m);
    }
    const listed = await livesim(['runs'], { cwd: dir });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('good');
    expect(listed.stderr).toContain('skipped 2 directories whose manifest is broken: not-json, null');
    writeFileSync(path.join(dir, 'a-file'), 'x');
    expect((await livesim(['runs', '--dir', 'a-file'], { cwd: dir })).code).toBe(2);
  });

  it('sweep writes sweep.csv and a table of means per case', async () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    const { code, stdout } = await livesim(['sweep', 'county.yaml', '--vary', 'anchors.mei.skill=1,2', '--replicates', '2', '--out', 'sweep'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/case-1\s+1\s/);
    expect(stdout).toMatch(/case-2\s+2\s/);
    expect(readFileSync(path.join(dir, 'sweep', 'sweep.csv'), 'utf8').trim().split('\n')).toHaveLength(5);
  });

  it('sensitivity: effects per metric as JSON, design.csv and effects.csv, the same files for the same seed; a bad --param is refused', async () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    const args = ['sensitivity', 'county.yaml', '--param', 'products.apple.processingCost=1..3', '--param', 'anchors.mei.skill=0.8..1.2', '--trajectories', '2', '--replicates', '1', '--metric', 'orders', '--json'];
    const first = await livesim([...args, '--out', 'first'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ scenario: 'tiny', method: 'morris', metrics: [{ name: 'orders' }] });
    expect(report.metrics[0].effects[0]).toMatchObject({ param: 'anchors.mei.skill', low: 0.8, high: 1.2 });
    expect(Object.keys(report.metrics[0].effects[0]).sort()).toEqual(['high', 'low', 'mu', 'muStar', 'param', 'sigma']);
    expect((await livesim([...args, '--out', 'second', '--jobs', '1'], { cwd: dir })).code).toBe(0);
    for (const file of ['design.csv', 'effects.csv']) {
      expect(readFileSync(path.join(dir, 'second', file), 'utf8')).toBe(readFileSync(path.join(dir, 'first', file), 'utf8'));
    }
    for (const param of ['anchors.mei.nothing', 'anchors.mei.tuneInShare=0..5']) {
      const bad = await livesim(['sensitivity', 'county.yaml', '--param', param, '--out', 'bad'], { cwd: dir });
      expect(bad.code, bad.stderr).toBe(2);
      expect(bad.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(path.join(dir, 'bad'))).toBe(false);
    }
  });

  it('uncertainty: bands per metric as JSON and samples.csv, the same for the same seed; --samples 0 is refused', async () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    const args = ['uncertainty', 'county.yaml', '--param', 'anchors.mei.skill=0.8..1.2', '--samples', '4', '--replicates', '1', '--json'];
    const first = await livesim([...args, '--out', 'first'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ scenario: 'tiny', samples: 4, complete: true });
    expect(Object.keys(report.metrics[0]).sort()).toEqual(['base', 'high', 'low', 'median', 'name']);
    expect((await livesim([...args, '--out', 'second', '--jobs', '1'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'second', 'samples.csv'), 'utf8')).toBe(readFileSync(path.join(dir, 'first', 'samples.csv'), 'utf8'));
    const none = await livesim(['uncertainty', 'county.yaml', '--samples', '0', '--out', 'none'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(existsSync(path.join(dir, 'none'))).toBe(false);
  });
});
