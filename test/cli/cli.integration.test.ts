/** The built `livesim` binary, end to end, as a user runs it. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PACKAGE_ROOT, VERSION } from '../../src/paths.js';
import { loadScenario } from '../../src/scenario/load.js';
import { temporaryDirectory, tinyScenario, writeFiles } from '../helpers.js';

const BINARY = path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');
const ANSI = /\u001b\[/;

function livesim(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [BINARY, ...args], {
    cwd: options.cwd ?? temporaryDirectory(),
    env: { ...process.env, NO_COLOR: '', CI: '', ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('livesim (built binary)', () => {
  it('is built (npm test builds it first)', () => {
    expect(existsSync(BINARY)).toBe(true);
  });

  it('--help lists the commands with examples and exits 0', () => {
    const { code, stdout } = livesim(['--help']);
    expect(code).toBe(0);
    for (const command of ['run', 'validate', 'list', 'show']) expect(stdout).toContain(command);
    expect(stdout).toContain('Examples:');
    expect(livesim(['run', '--help']).stdout).toContain('$ livesim run demo-county --seed 42');
  });

  it('bare livesim prints the help on stdout and exits 0', () => {
    const result = spawnSync(process.execPath, [BINARY], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: livesim');
    expect(result.stdout).toContain('Examples:');
    expect(result.stderr).toBe('');
  });

  it('--version prints the version', () => {
    expect(livesim(['--version']).stdout.trim()).toBe(VERSION);
  });

  it('an unknown command or option is bad usage: exit 2', () => {
    expect(livesim(['frobnicate']).code).toBe(2);
    expect(livesim(['run', '--frobnicate']).code).toBe(2);
    expect(livesim(['run', '--seed', 'many']).code).toBe(2);
  });

  it('run --json: the summary on stdout and nothing else; progress on stderr; a complete run directory', () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    const { code, stdout, stderr } = livesim(['run', 'county.yaml', '--seed', '4', '--out', 'out', '--json'], { cwd: dir });
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

  it('run without --json prints a readable report, plain when not on a terminal', () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    const { code, stdout } = livesim(['run', 'county.yaml'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('where the money went');
    expect(stdout).toMatch(/results in runs[/\\]tiny-3-\d{8}-\d{6}/);
    expect(stdout).not.toMatch(ANSI);
    expect(readdirSync(path.join(dir, 'runs'))).toHaveLength(1);
  });

  it('a bad scenario: file:line:col, path, expected/found, hint; exit 2; no run directory', () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario({ fidelity: 'agnet' }) });
    const { code, stdout, stderr } = livesim(['run', 'county.yaml', '--out', 'out'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^county\.yaml:\d+:\d+: fidelity: not one of the allowed values$/m);
    expect(stderr).toContain('expected one of `agent`, `cohort`, found "agnet"');
    expect(stderr).toContain('hint: did you mean `agent`?');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    expect(existsSync(path.join(dir, 'runs'))).toBe(false);
  });

  it('a bad --set is bad input too', () => {
    const { code, stderr } = livesim(['validate', 'demo-county', '--set', 'behaviour.purchaseRate=-1']);
    expect(code).toBe(2);
    expect(stderr).toContain('--set behaviour.purchaseRate=-1: behaviour.purchaseRate: too small');
  });

  it('an unknown preset suggests the nearest one', () => {
    const { code, stderr } = livesim(['run', 'demo-conty']);
    expect(code).toBe(2);
    expect(stderr).toContain('did you mean `demo-county`?');
  });

  it('validate says a good file is valid', () => {
    const { code, stdout } = livesim(['validate', 'demo-county']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ .*demo-county\.yaml is valid/);
    const json = JSON.parse(livesim(['validate', 'demo-county', '--json']).stdout);
    expect(json).toMatchObject({ valid: true, scenario: 'demo-county' });
  });

  it('list shows the presets with their descriptions', () => {
    const { code, stdout } = livesim(['list']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^demo-county\s+A poor county/m);
    expect(JSON.parse(livesim(['list', '--json']).stdout)).toContainEqual(expect.objectContaining({ name: 'demo-county' }));
  });

  it('show prints the resolved scenario, which loads back to the same thing', () => {
    const { code, stdout } = livesim(['show', 'demo-county', '--set', 'seed=99']);
    expect(code).toBe(0);
    const shown = parse(stdout);
    const loaded = loadScenario('demo-county', { overrides: ['seed=99'] });
    expect(shown).toEqual(JSON.parse(JSON.stringify(loaded.scenario)));
    expect(stdout.split('\n')[0]).toContain(loaded.hash.slice(0, 12));
  });

  it('colour only when asked for by a terminal, never with NO_COLOR or --no-color', () => {
    expect(livesim(['list'], { env: { NO_COLOR: '1' } }).stdout).not.toMatch(ANSI);
    expect(livesim(['list', '--no-color']).stdout).not.toMatch(ANSI);
  });

  it('check --json: per target the expected figure, the mean with its interval, the error and a verdict; exit 1 on a miss', () => {
    const target = (expected: number) => ({ id: 'orders', metric: 'orders', aggregate: 'sum', expected, tolerance: 0.9, source: 'made up' });
    const dir = writeFiles({ 'met.yaml': tinyScenario({ targets: [target(30)] }), 'missed.yaml': tinyScenario({ targets: [target(5000)] }) });
    const met = livesim(['check', 'met.yaml', '--replicates', '6', '--json'], { cwd: dir });
    expect(met.code).toBe(0);
    const report = JSON.parse(met.stdout);
    expect(report.pass).toBe(true);
    expect(report.results[0]).toMatchObject({ scenario: 'tiny', target: 'orders', kind: 'reproduced', metric: 'orders', measures: 'sum whole run', expected: 30, tolerance: 0.9, pass: true });
    expect(report.validation).toEqual([]);
    expect(report.results[0].simulated.ci95).toHaveLength(2);
    expect(met.stderr).toContain('6/6 replicates');
    const missed = livesim(['check', 'missed.yaml', '--replicates', '2'], { cwd: dir });
    expect(missed.code).toBe(1);
    expect(missed.stdout).toMatch(/orders\s+orders sum whole run\s+5,000 ±90%\s+.*FAIL/);
    // --set, as in every command: the same scenario, off its fit, misses.
    expect(livesim(['check', 'met.yaml', '--replicates', '2', '--set', 'behaviour.purchaseRate=0.0001'], { cwd: dir }).code).toBe(1);
  });

  it('check tells a target fitted exactly by its own knob from evidence, and counts only independent validation figures', () => {
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
    const json = JSON.parse(livesim(['check', 'fitted.yaml', '--replicates', '4', '--json'], { cwd: dir }).stdout);
    expect(json.results[0]).toMatchObject({ target: 'orders', kind: 'reproduced', fit: 'fitted-exactly' });
    expect(json.validation.map((entry: { relation: string; independent: boolean }) => [entry.relation, entry.independent])).toEqual([
      ['inside-targets', false],
      ['other-quantity', true],
    ]);
    const { stdout } = livesim(['check', 'fitted.yaml', '--replicates', '4'], { cwd: dir });
    expect(stdout).toContain('fitted exactly: as many knobs as targets (checked, not evidence)');
    expect(stdout).toMatch(/0\/0 reproduced targets pass, fitted exactly 1\/1 \(not evidence\); validation \d\/1 independent figures within tolerance \(\d\/1 more not independent\)/);
  });

  it('calibrate writes the fitted scenario and prints the fit', () => {
    const dir = writeFiles({
      'fit.yaml': tinyScenario({
        targets: [{ id: 'orders', metric: 'orders', aggregate: 'sum', expected: 40, tolerance: 0.05, source: 'made up' }],
        calibration: { free: [{ path: 'behaviour.purchaseRate', min: 0.001, max: 0.0065, prior: 'conversion' }] },
      }),
    });
    const { code, stdout } = livesim(['calibrate', 'fit.yaml', '--budget', '8', '--replicates', '2', '--out', 'fitted.yaml'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('behaviour.purchaseRate');
    expect(stdout).toContain('fitted scenario written to fitted.yaml');
    expect(readFileSync(path.join(dir, 'fitted.yaml'), 'utf8')).toMatch(/^# livesim calibrate: the fit/);
    expect(livesim(['validate', 'fitted.yaml'], { cwd: dir }).code).toBe(0);
    // --json: the fit for machines, nothing else on stdout; --quiet: no progress.
    const json = livesim(['calibrate', 'fit.yaml', '--budget', '4', '--replicates', '2', '--out', 'again.yaml', '--json', '--quiet', '--jobs', '1'], { cwd: dir });
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

  it('run --replicates: a batch with per-metric means and intervals, one row per replicate', () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    const { code, stdout } = livesim(['run', 'county.yaml', '--replicates', '3', '--out', 'batch', '--json'], { cwd: dir });
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ scenario: 'tiny', rootSeed: 3, replicates: 3, complete: true });
    expect(summary.metrics.gmv.ci95).toHaveLength(2);
    expect(readFileSync(path.join(dir, 'batch', 'replicates.csv'), 'utf8').trim().split('\n')).toHaveLength(4);
    expect(JSON.parse(readFileSync(path.join(dir, 'batch', 'manifest.json'), 'utf8'))).toMatchObject({ kind: 'replicates', replicates: 3, complete: true });
  });

  it('compare --json of a scenario with itself: zero differences; runs lists stored batches, which compare can take', () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    const same = JSON.parse(livesim(['compare', 'county.yaml', 'county.yaml', '--replicates', '3', '--json'], { cwd: dir }).stdout);
    expect(same.replicates).toBe(3);
    for (const metric of same.metrics) {
      expect(metric.delta.mean).toBe(0);
      expect(metric.significant).toBe(false);
    }
    livesim(['run', 'county.yaml', '--replicates', '3', '--out', 'runs/a'], { cwd: dir });
    livesim(['run', 'county.yaml', '--replicates', '3', '--out', 'runs/b', '--set', 'anchors.mei.recommendedTraffic=5000'], { cwd: dir });
    const runs = JSON.parse(livesim(['runs', '--json'], { cwd: dir }).stdout);
    expect(runs.map((run: { id: string }) => run.id).sort()).toEqual(['a', 'b']);
    expect(runs[0]).toMatchObject({ kind: 'replicates', scenario: 'tiny', replicates: 3, complete: true });
    const stored = livesim(['compare', 'runs/a', 'runs/b', '--metric', 'orders', '--format', 'markdown'], { cwd: dir });
    expect(stored.code).toBe(0);
    expect(stored.stdout).toMatch(/\| orders \| .* \| yes \|/);
    // The ids runs shows, and the handles, name the same runs: @1 is the newest (b).
    const [newest, older] = runs as { shortId: string }[];
    expect(newest!.shortId).toMatch(/^[0-9a-f]{4,}$/);
    const byHandle = livesim(['compare', '@2', '@1', '--metric', 'orders', '--json'], { cwd: dir });
    const byId = livesim(['compare', older!.shortId, newest!.shortId, '--metric', 'orders', '--json'], { cwd: dir });
    expect(JSON.parse(byHandle.stdout).metrics).toEqual(JSON.parse(byId.stdout).metrics);
    expect(livesim(['report', '@latest'], { cwd: dir }).stdout.trim()).toBe(path.join('runs', 'b', 'report.html'));
    expect(livesim(['report', '@3'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('there are 2 runs in runs/') });
  });

  it('compare of two single runs compares them directly and says there is no interval; a single run against a batch is refused with what to do', () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    livesim(['run', 'county.yaml', '--out', 'runs/one', '--quiet'], { cwd: dir });
    livesim(['run', 'county.yaml', '--out', 'runs/two', '--seed', '9', '--quiet'], { cwd: dir });
    const singles = livesim(['compare', 'runs/one', 'runs/two', '--metric', 'orders'], { cwd: dir });
    expect(singles.code).toBe(0);
    expect(singles.stdout).toContain('single runs: one outcome each, so the difference has no interval');
    expect(singles.stdout).toMatch(/orders\s+\S+\s+\S+/);
    expect(singles.stderr).toContain('--replicates 10');
    const mixed = livesim(['compare', 'runs/one', 'county.yaml'], { cwd: dir });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('county.yaml is not a single run, and a single run can only be compared with another');
  });

  it('sweep writes sweep.csv and a table of means per case', () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    const { code, stdout } = livesim(['sweep', 'county.yaml', '--vary', 'anchors.mei.skill=1,2', '--replicates', '2', '--out', 'sweep'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/case-1\s+1\s/);
    expect(stdout).toMatch(/case-2\s+2\s/);
    expect(readFileSync(path.join(dir, 'sweep', 'sweep.csv'), 'utf8').trim().split('\n')).toHaveLength(5);
  });

  it('Ctrl+C stops the run, keeps what was computed marked incomplete, and exits 130', async () => {
    const dir = writeFiles({
      'long.yaml': tinyScenario({
        end: '2020-06-01',
        anchors: [{ id: 'mei', recommendedTraffic: 400_000 }],
        farmers: [{ id: 'village', households: 30, produces: [{ product: 'apple', capacity: 10_000_000 }] }],
      }),
    });
    const child = spawn(process.execPath, [BINARY, 'run', 'long.yaml', '--out', 'out', '--json'], { cwd: dir, env: { ...process.env, NO_COLOR: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const progressed = new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (stderr.includes('events/s')) resolve();
      }),
    );
    await progressed;
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('stopping');
    const summary = JSON.parse(stdout);
    expect(summary.complete).toBe(false);
    expect(summary.simulated.reached < summary.simulated.end).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, 'out', 'manifest.json'), 'utf8')).complete).toBe(false);
    expect(JSON.parse(readFileSync(path.join(dir, 'out', 'summary.json'), 'utf8')).complete).toBe(false);
  });

  it('--out that cannot be made is refused before simulating: under a file, in /proc', () => {
    const dir = writeFiles({ 'a-file': 'not a directory' });
    for (const out of ['a-file/run', '/proc/livesim-run']) {
      const { code, stderr } = livesim(['run', '--out', out, '-q'], { cwd: dir });
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(/--out/);
    }
    expect(readdirSync(dir)).toEqual(['a-file']);
  });

  it('absurd designs are refused with the count: replicates, sweeps, runs over the estimate', () => {
    expect(livesim(['run', '--replicates', '1000000000']).code).toBe(2);
    const sweep = livesim(['sweep', 'demo-county', '--vary', 'behaviour.purchaseRate=0..1e12:1']);
    expect(sweep.code).toBe(2);
    expect(sweep.stderr).toContain('1,000,000,000,001 values');
    const big = livesim(['run', 'demo-county', '-q', '--set', 'anchors.li-orchard.followers=1000000000']);
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/billion events.*\n.*--force/s);
  });

  it('validate warns of parameters outside the priors; calibrate refuses bounds outside them', () => {
    const valid = livesim(['validate', 'demo-county', '--set', 'platforms.taobao.feeRate=0.1']);
    expect(valid.code).toBe(0);
    expect(valid.stderr).toContain('platforms.0.feeRate = 0.1 is outside the prior for platform fee rate (0-0.02)');
    const json = JSON.parse(livesim(['validate', 'demo-county', '--json', '--set', 'platforms.taobao.feeRate=0.1']).stdout);
    expect(json.warnings).toEqual([{ path: 'platforms.0.feeRate', message: expect.stringContaining('outside the prior') }]);
    const fit = livesim(['calibrate', 'weiya-welfare', '--budget', '2', '--set', 'calibration.free.0.max=0.1']);
    expect(fit.code).toBe(2);
    expect(fit.stderr).toContain('outside the prior for viewer-to-buyer conversion');
  });

  it('--out holding a run is refused unless --force, which replaces it; a run writing there locks it', () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    expect(livesim(['run', 'county.yaml', '-q', '--out', 'out'], { cwd: dir }).code).toBe(0);
    const again = livesim(['run', 'county.yaml', '-q', '--out', 'out', '--replicates', '2'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already holds a run');
    expect(livesim(['run', 'county.yaml', '-q', '--out', 'out', '--replicates', '2', '--force'], { cwd: dir }).code).toBe(0);
    // Only the batch's files now: nothing of the single run is left beside them.
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['manifest.json', 'replicates-timeseries.csv', 'replicates.csv', 'summary.json']);
    mkdirSync(path.join(dir, 'busy'));
    writeFileSync(path.join(dir, 'busy', '.livesim.lock'), '1\n');
    const busy = livesim(['run', 'county.yaml', '-q', '--out', 'busy'], { cwd: dir });
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/livesim (run|process \d+ on .*) is writing there/);
  });

  it('stored runs that are broken are refused by compare and skipped by runs, saying so', () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    expect(livesim(['run', 'county.yaml', '-q', '--replicates', '2', '--out', 'runs/good'], { cwd: dir }).code).toBe(0);
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
      const compared = livesim(['compare', 'runs/good', `runs/${name}`], { cwd: dir });
      expect(compared.code, `${name}: ${compared.stderr}`).toBe(2);
      expect(compared.stderr, name).not.toMatch(/^\s+at /m);
    }
    const listed = livesim(['runs'], { cwd: dir });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('good');
    expect(listed.stderr).toContain('skipped 2 directories whose manifest is broken: not-json, null');
    writeFileSync(path.join(dir, 'a-file'), 'x');
    expect(livesim(['runs', '--dir', 'a-file'], { cwd: dir }).code).toBe(2);
  });

  it('sensitivity: effects per metric as JSON, design.csv and effects.csv, the same files for the same seed; a bad --param is refused', () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    const args = ['sensitivity', 'county.yaml', '--param', 'products.apple.processingCost=1..3', '--param', 'anchors.mei.skill=0.8..1.2', '--trajectories', '2', '--replicates', '1', '--metric', 'orders', '--json'];
    const first = livesim([...args, '--out', 'first'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ scenario: 'tiny', method: 'morris', metrics: [{ name: 'orders' }] });
    expect(report.metrics[0].effects[0]).toMatchObject({ param: 'anchors.mei.skill', low: 0.8, high: 1.2 });
    expect(Object.keys(report.metrics[0].effects[0]).sort()).toEqual(['high', 'low', 'mu', 'muStar', 'param', 'sigma']);
    expect(livesim([...args, '--out', 'second', '--jobs', '1'], { cwd: dir }).code).toBe(0);
    for (const file of ['design.csv', 'effects.csv']) {
      expect(readFileSync(path.join(dir, 'second', file), 'utf8')).toBe(readFileSync(path.join(dir, 'first', file), 'utf8'));
    }
    for (const param of ['anchors.mei.nothing', 'anchors.mei.tuneInShare=0..5']) {
      const bad = livesim(['sensitivity', 'county.yaml', '--param', param, '--out', 'bad'], { cwd: dir });
      expect(bad.code, bad.stderr).toBe(2);
      expect(bad.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(path.join(dir, 'bad'))).toBe(false);
    }
  });

  it('uncertainty: bands per metric as JSON and samples.csv, the same for the same seed; --samples 0 is refused', () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    const args = ['uncertainty', 'county.yaml', '--param', 'anchors.mei.skill=0.8..1.2', '--samples', '4', '--replicates', '1', '--json'];
    const first = livesim([...args, '--out', 'first'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ scenario: 'tiny', samples: 4, complete: true });
    expect(Object.keys(report.metrics[0]).sort()).toEqual(['base', 'high', 'low', 'median', 'name']);
    expect(livesim([...args, '--out', 'second', '--jobs', '1'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(dir, 'second', 'samples.csv'), 'utf8')).toBe(readFileSync(path.join(dir, 'first', 'samples.csv'), 'utf8'));
    const none = livesim(['uncertainty', 'county.yaml', '--samples', '0', '--out', 'none'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(existsSync(path.join(dir, 'none'))).toBe(false);
  });
});

