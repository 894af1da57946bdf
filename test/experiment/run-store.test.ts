/**
 * A run directory is claimed, written and released without ever touching what livesim did not
 * write: --force replaces an earlier run's own files only, a lock whose process is gone is taken
 * over, and a write that fails leaves the directory as it was before the run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileError, UsageError } from '../../src/errors.js';
import { manifestText } from '../../src/experiment/run/manifest.js';
import { LOCK_FILE, MANIFEST } from '../../src/experiment/run/run-layout.js';
import { RunDirectory } from '../../src/experiment/run/run-store.js';
import { temporaryDirectory } from '../helpers.js';

/** An earlier run's manifest listing `files`. */
const earlierManifest = (files: string[]) =>
  manifestText({
    kind: 'run',
    complete: true,
    scenario: 'tiny',
    scenarioHash: 'abc',
    seed: 1,
    replicates: 1,
    sources: { files: [], overrides: [] },
    createdAt: new Date(0),
    wallSeconds: 0,
    headline: { gmv: 0, farmerRevenue: 0 },
    files,
    resolvedScenario: {},
  });

function earlierRun(extra: Record<string, string> = {}): string {
  const dir = temporaryDirectory();
  writeFileSync(path.join(dir, 'summary.json'), '{}');
  writeFileSync(path.join(dir, 'report.html'), '<html></html>');
  writeFileSync(path.join(dir, MANIFEST), earlierManifest([MANIFEST, 'summary.json']));
  for (const [name, content] of Object.entries(extra)) writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('claiming a run directory', () => {
  it('refuses a directory holding an earlier run unless forced, then replaces that run’s own files', () => {
    const dir = earlierRun();
    expect(() => RunDirectory.claim(dir)).toThrow(/already holds a run/);
    const claimed = RunDirectory.claim(dir, { force: true });
    // The earlier run stays until this one's files are written.
    expect(readdirSync(dir).sort()).toEqual([LOCK_FILE, MANIFEST, 'report.html', 'summary.json']);
    claimed.stream('replicates.csv').append('replicate,seed\n');
    claimed.commit({ 'summary.json': '{"new":true}\n', [MANIFEST]: earlierManifest([MANIFEST, 'summary.json']) });
    claimed.release();
    expect(readdirSync(dir).sort()).toEqual([MANIFEST, 'summary.json']);
    expect(readFileSync(path.join(dir, 'summary.json'), 'utf8')).toBe('{"new":true}\n');
  });

  it('with --force, refuses a directory holding a user’s file beside a manifest, and leaves it intact', () => {
    for (const manifest of ['{}', earlierManifest([MANIFEST])]) {
      const dir = earlierRun({ 'thesis.docx': 'two years of work' });
      writeFileSync(path.join(dir, MANIFEST), manifest);
      expect(() => RunDirectory.claim(dir, { force: true })).toThrow(UsageError);
      expect(readFileSync(path.join(dir, 'thesis.docx'), 'utf8')).toBe('two years of work');
      expect(readdirSync(dir).sort()).toEqual([MANIFEST, 'report.html', 'summary.json', 'thesis.docx']);
    }
  });

  it('never removes a directory, even one named like a file the manifest lists', () => {
    const dir = earlierRun();
    rmAndMkdir(path.join(dir, 'summary.json'));
    writeFileSync(path.join(dir, 'summary.json', 'notes.txt'), 'mine');
    expect(() => RunDirectory.claim(dir, { force: true })).toThrow(/livesim did not write/);
    expect(readFileSync(path.join(dir, 'summary.json', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('keeps a second run out while the first holds the lock, and takes over a lock whose process is gone', () => {
    const dir = temporaryDirectory();
    const first = RunDirectory.claim(dir);
    expect(() => RunDirectory.claim(dir)).toThrow(/is writing there/);
    first.release();
    // A lock left by a process that died (SIGKILL): its pid is no longer running.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(path.join(dir, LOCK_FILE), `${JSON.stringify({ pid: Number(gone), host: hostname() })}\n`);
    const notes: string[] = [];
    const second = RunDirectory.claim(dir, { onNote: (note) => notes.push(note) });
    expect(notes.join()).toMatch(new RegExp(`took over the lock of livesim process ${gone}`));
    second.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('clears, with --force, what a run that died left behind: its lock, its streamed rows, its temporaries', () => {
    const dir = temporaryDirectory();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(path.join(dir, LOCK_FILE), `${JSON.stringify({ pid: Number(gone), host: hostname() })}\n`);
    writeFileSync(path.join(dir, 'replicates.partial.csv'), 'replicate,seed\n0,1\n');
    writeFileSync(path.join(dir, '.summary.json.0123456789ab.tmp'), '{');
    expect(() => RunDirectory.claim(dir)).toThrow(/what a run that died left behind/);
    expect(readdirSync(dir)).toHaveLength(3);
    RunDirectory.claim(dir, { force: true }).release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('clears with --force the safety copies of a run that ended on an error (its lock released), and keeps a user’s .tmp file out of it', () => {
    const dir = temporaryDirectory();
    writeFileSync(path.join(dir, 'sweep.partial.csv'), 'case,replicate\n');
    writeFileSync(path.join(dir, '.sweep.csv.0123456789ab.tmp'), 'case');
    expect(() => RunDirectory.claim(dir)).toThrow(/what a run that died left behind/);
    RunDirectory.claim(dir, { force: true }).release();
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(path.join(dir, '.notes.2024.tmp'), 'mine');
    expect(() => RunDirectory.claim(dir, { force: true })).toThrow(/not a livesim run/);
  });

  it('refuses --out that is a link (dangling or not) or a file, with a clear error', () => {
    const dir = temporaryDirectory();
    spawnSync('ln', ['-s', path.join(dir, 'nowhere'), path.join(dir, 'dangling')]);
    writeFileSync(path.join(dir, 'file'), 'x');
    expect(() => RunDirectory.claim(path.join(dir, 'dangling'))).toThrow(/is a symbolic link/);
    expect(() => RunDirectory.claim(path.join(dir, 'file'))).toThrow(/is a regular file, not a directory/);
  });
});

describe('writing a run directory', () => {
  it('that fails (a file it cannot write) leaves the directory as it was: no streamed rows, no lock, no new directory', () => {
    const parent = temporaryDirectory();
    const dir = path.join(parent, 'run');
    const claimed = RunDirectory.claim(dir);
    claimed.stream('replicates.csv').append('replicate,seed\n0,1\n');
    mkdirSync(path.join(dir, 'summary.json'));
    expect(() => claimed.commit({ 'replicates.csv': 'replicate,seed\n0,1\n', 'summary.json': '{}', [MANIFEST]: '{}' })).toThrow(FileError);
    // The directory that blocked the write is the only thing left, so the run directory stays.
    expect(readdirSync(dir)).toEqual(['summary.json']);
  });

  it('that fails over an earlier run (--force) leaves that run as it was', () => {
    const dir = earlierRun();
    const before = Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));
    const claimed = RunDirectory.claim(dir, { force: true });
    claimed.stream('sweep.csv').append('case,replicate\n');
    mkdirSync(path.join(dir, 'sweep.csv'));
    expect(() => claimed.commit({ 'sweep.csv': 'case,replicate\n', 'summary.json': '{}', [MANIFEST]: '{}' })).toThrow(FileError);
    spawnSync('rmdir', [path.join(dir, 'sweep.csv')]);
    expect(Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]))).toEqual(before);
  });

  it('removes the directory it made when the process ends before anything was written', () => {
    const parent = temporaryDirectory();
    const script = `import('${path.resolve('src/experiment/run/run-store.ts')}').then(({ RunDirectory }) => { RunDirectory.claim(${JSON.stringify(path.join(parent, 'run'))}); process.exit(3); });`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(3);
    expect(readdirSync(parent)).toEqual([]);
  });
});

function rmAndMkdir(file: string): void {
  spawnSync('rm', ['-f', file]);
  mkdirSync(file);
}
