/**
 * Nothing outside the run is ever written, followed or deleted, whatever was planted in a run
 * directory; and nothing runs unbounded: every batch command refuses a scenario over the
 * resource guard before it claims a directory or starts a run. livesim is called as a function,
 * in this process (./livesim.ts).
 */
import { lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory, tinyScenario, writeFiles } from '../helpers.js';
import { livesim as livesimWith } from './livesim.js';

/** livesim in `cwd`, its output plain, as CI gets it. */
const livesim = (args: string[], cwd: string) => livesimWith(args, { cwd, env: { NO_COLOR: '1', CI: '1' } });

/** Every file under `dir` with its bytes and modification time: what must not change. */
function snapshot(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, name);
    const stats = lstatSync(file);
    state[name] = stats.isFile() ? `${readFileSync(file, 'utf8')}@${stats.mtimeMs}` : stats.isDirectory() ? 'directory' : 'other';
  }
  return state;
}

/** Links at the names an older livesim, running in this process, would have given its temporaries (`.<file>.<pid>.tmp`). */
function plantOldTemporaries(dir: string, files: readonly string[], target: string): void {
  for (const file of files) symlinkSync(target, path.join(dir, `.${file}.${process.pid}.tmp`));
}

describe('nothing outside the run is touched', () => {
  it('run, report, calibrate and a batch follow no link planted at a temporary or an output name', async () => {
    const outside = writeFiles({ 'secret.txt': 'the user’s own words\n', 'page.html': '<p>mine</p>\n', 'data.csv': 'period,gmv\nSECRET,42\n' });
    const before = snapshot(outside);
    const scratch = writeFiles({ 'county.yaml': tinyScenario() });
    const link = (target: string, at: string) => {
      rmSync(at, { force: true });
      symlinkSync(path.join(outside, target), at);
    };

    // A run, then its outputs replaced by links out of it, and links at every old temporary name.
    const run = path.join(scratch, 'run');
    expect((await livesim(['run', 'county.yaml', '-q', '--no-ui', '--out', 'run'], scratch)).code).toBe(0);
    const outputs = readdirSync(run);
    plantOldTemporaries(run, [...outputs, 'report.html'], path.join(outside, 'secret.txt'));
    for (const file of outputs.filter((name) => name !== 'manifest.json')) link('secret.txt', path.join(run, file));
    // --force replaces the run's own files: the links are removed, never followed.
    expect((await livesim(['run', 'county.yaml', '-q', '--no-ui', '--out', 'run', '--force'], scratch)).code).toBe(0);
    for (const file of outputs) expect(lstatSync(path.join(run, file)).isFile(), file).toBe(true);

    // A report over a link is refused; a run file that is a link is never read into the page.
    link('page.html', path.join(run, 'report.html'));
    const overLink = await livesim(['report', 'run'], scratch);
    expect(overLink.code, overLink.stderr).toBe(2);
    expect(overLink.stderr).toMatch(/report\.html: it is a symbolic link/);
    rmSync(path.join(run, 'report.html'));
    // A three-day run is charted by day: the report reads timeseries-daily.csv.
    link('data.csv', path.join(run, 'timeseries-daily.csv'));
    const readingLink = await livesim(['report', 'run'], scratch);
    expect(readingLink.code, readingLink.stderr).toBe(2);
    expect(readingLink.stderr).toMatch(/timeseries-daily\.csv: it is a symbolic link/);
    expect(readingLink.stderr).not.toContain('SECRET');

    // A batch whose rows file is a link, replaced with --force.
    expect((await livesim(['run', 'county.yaml', '-q', '--replicates', '2', '--out', 'batch'], scratch)).code).toBe(0);
    link('secret.txt', path.join(scratch, 'batch', 'replicates.csv'));
    plantOldTemporaries(path.join(scratch, 'batch'), ['replicates.csv', 'summary.json', 'manifest.json'], path.join(outside, 'secret.txt'));
    expect((await livesim(['run', 'county.yaml', '-q', '--replicates', '2', '--out', 'batch', '--force'], scratch)).code).toBe(0);
    expect(statSync(path.join(scratch, 'batch', 'replicates.csv')).size).toBeGreaterThan(100);

    // A fitted file whose path is a link is refused before the fit.
    symlinkSync(path.join(outside, 'secret.txt'), path.join(scratch, 'fit.yaml'));
    const fit = await livesim(['calibrate', 'weiya-welfare', '--budget', '2', '--replicates', '1', '--out', 'fit.yaml'], scratch);
    expect(fit.code, fit.stderr).toBe(2);
    expect(fit.stderr).toMatch(/fit\.yaml: it is a symbolic link/);
    expect(fit.stderr).not.toMatch(/evaluation/);

    expect(snapshot(outside)).toEqual(before);
  }, 60_000);

  it('--force on a directory holding a manifest.json beside a user’s file: refused, the file intact', async () => {
    const scratch = temporaryDirectory();
    const dir = path.join(scratch, 'mine');
    mkdirSync(path.join(dir, 'photos'), { recursive: true });
    writeFileSync(path.join(dir, 'manifest.json'), '{}');
    writeFileSync(path.join(dir, 'thesis.txt'), 'two years of work');
    writeFileSync(path.join(dir, 'photos', 'a.jpg'), 'pixels');
    const before = snapshot(dir);
    const forced = await livesim(['run', 'demo-county', '-q', '--no-ui', '--out', 'mine', '--force'], scratch);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toMatch(/--out mine holds a manifest\.json that livesim cannot read, so livesim will not touch it/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('the resource guard', () => {
  // Wei Ya's broadcasts with every viewer an entity: about 1.7 billion events a run.
  const dir = writeFiles({ 'big.yaml': 'extends: weiya-welfare\nfidelity: agent\n' });
  const commands: [string, string[]][] = [
    ['run --replicates', ['run', 'big.yaml', '--replicates', '2']],
    ['sweep --vary', ['sweep', 'big.yaml', '--vary', 'behaviour.purchaseRate=0.001,0.002']],
    ['compare', ['compare', 'big.yaml', 'weiya-welfare']],
    ['check', ['check', 'big.yaml']],
    ['calibrate', ['calibrate', 'big.yaml']],
    ['sensitivity', ['sensitivity', 'big.yaml', '--trajectories', '2']],
    ['uncertainty', ['uncertainty', 'big.yaml', '--samples', '8']],
  ];

  // What did not happen shows the refusal came first: no directory claimed, nothing written. (A
  // guard that let the run through would not end for minutes, and the test's 60 s limit fails it.)
  it.each(commands)('is asked by %s, which refuses before claiming anything', async (_name, args) => {
    const refused = await livesim([...args, '--out', 'never'], dir);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/big: this scenario would need about [\d.]+ billion events/);
    expect(refused.stderr).toContain('--force');
    expect(readdirSync(dir)).toEqual(['big.yaml']);
  });

  it('counts the runs of a batch: a stored batch of 50,000 seeds and a sweep of 12,000 cases are refused before any run', async () => {
    const scratch = writeFiles({ 'county.yaml': tinyScenario() });
    expect((await livesim(['run', 'county.yaml', '-q', '--replicates', '2', '--out', 'stored'], scratch)).code).toBe(0);
    // The stored batch grown to 50,000 seeds (its rows and its manifest alike).
    const manifest = JSON.parse(readFileSync(path.join(scratch, 'stored', 'manifest.json'), 'utf8'));
    const [header, first] = readFileSync(path.join(scratch, 'stored', 'replicates.csv'), 'utf8').split('\n');
    const seeds = Array.from({ length: 50_000 }, (_, index) => 1000 + index);
    const cells = first!.split(',');
    writeFileSync(path.join(scratch, 'stored', 'replicates.csv'), [header, ...seeds.map((seed, index) => [index, seed, ...cells.slice(2)].join(','))].join('\n') + '\n');
    writeFileSync(path.join(scratch, 'stored', 'manifest.json'), JSON.stringify({ ...manifest, seeds, replicates: seeds.length }));
    const compared = await livesim(['compare', 'stored', 'county.yaml'], scratch);
    expect(compared.code, compared.stderr).toBe(2);
    expect(compared.stderr).toMatch(/would run 50,000 replicates; a batch may run at most 10,000/);

    const cases = Array.from({ length: 12_000 }, (_, index) => `    - { name: c${index}, set: { behaviour.purchaseRate: ${0.001 + index * 1e-7} } }`);
    writeFileSync(path.join(scratch, 'sweep.yaml'), `extends: county.yaml\nname: many\nsweep:\n  replicates: 1\n  cases:\n${cases.join('\n')}\n`);
    const swept = await livesim(['sweep', 'sweep.yaml'], scratch);
    expect(swept.code, swept.stderr).toBe(2);
    expect(swept.stderr).toMatch(/sweep\.yaml:\d+:\d+: sweep\.cases: too large\n\s+expected at most 10000 items/);
    // Neither started a replicate: no progress line, no run directory.
    for (const refused of [compared, swept]) expect(refused.stderr).not.toMatch(/replicates\b.*ETA|loaded \d/);
    expect(readdirSync(scratch).sort()).toEqual(['county.yaml', 'stored', 'sweep.yaml']);
  }, 30_000);

  it('counts snapshots among the events: a snapshot every 0.0001 s is refused, not a hang', async () => {
    const refused = await livesim(['run', 'demo-county', '-q', '--set', 'snapshotEvery=0.0001s', '--out', 'never'], temporaryDirectory());
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/would need about [\d.]+ billion events/);
  });
});
