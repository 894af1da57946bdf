/**
 * A corpus of bad inputs. Bad scenario files (test/fixtures/bad/, plus two huge ones written
 * here): each is refused by `livesim run` (called in this process) with exit 2 and a located
 * message (`file:line:col`), never a stack trace, and nothing is written. Bad situations
 * (test/fixtures/bad/situations/, small scripts run in a scratch directory against the built
 * binary): a damaged or planted run directory, a full disk, a stale lock, an unusable --out or
 * --queue; each script checks what livesim did and exits 0.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { reportError } from '../../src/cli/report-error.js';
import { detectTerminal } from '../../src/cli/terminal.js';
import { loadScenario } from '../../src/scenario/load.js';
import { temporaryDirectory } from '../helpers.js';
import { livesim } from './livesim.js';

const BINARY = path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');
const CORPUS = path.join(PACKAGE_ROOT, 'test', 'fixtures', 'bad');
const SITUATIONS = path.join(CORPUS, 'situations');

interface Outcome {
  readonly file: string;
  readonly code: number;
  readonly stderr: string;
  readonly wrote: boolean;
}

/** `livesim run file`, as a function in this process. */
async function refuse(file: string, cwd: string): Promise<Outcome> {
  const out = path.join(cwd, `out-${path.basename(file, '.yaml')}`);
  const { code, stderr } = await livesim(['run', file, '-q', '--out', out], { cwd, env: { NO_COLOR: '1' } });
  return { file, code, stderr, wrote: existsSync(out) };
}

/** Runs `tasks` at most `limit` at a time, in order. */
async function pooled<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe('a corpus of bad scenario files', () => {
  const files = readdirSync(CORPUS)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => path.join(CORPUS, name));

  it('holds at least 80 kinds of mistake', () => {
    expect(files.length).toBeGreaterThanOrEqual(80);
  });

  it('is refused file by file, as the command line reports it: exit 2, a file:line:col, no stack trace', () => {
    for (const file of files) {
      const name = path.basename(file);
      let said = '';
      const terminal = { ...detectTerminal({ color: false }), err: (text: string) => void (said += text) };
      let code: number | undefined;
      try {
        loadScenario(file);
      } catch (error) {
        // The CLI's own mapping from errors to messages and exit codes.
        code = reportError(error, terminal);
      }
      expect(code, `${name}: ${said}`).toBe(2);
      expect(said, name).toMatch(/\.yaml:\d+:\d+/);
      expect(said, name).not.toMatch(/^\s+at |internal error/m);
    }
  });

  // A hang (quadratic work on a big file, an endless loop) fails by the test's time-out.
  it('is refused by livesim run itself, huge files included: exit 2, a file:line:col, no stack trace, nothing written', async () => {
    const cwd = temporaryDirectory();
    const valid = path.join(CORPUS, 'type-seed-text.yaml');
    const huge = path.join(cwd, 'huge.yaml');
    writeFileSync(huge, `# ${'x'.repeat(2_100_000)}\nname: huge\n`);
    // Many unknown fields: the suggestions for them must not take quadratic time.
    const unknownFields = path.join(cwd, 'many-unknown-fields.yaml');
    writeFileSync(unknownFields, `extends: ${valid}\n${Array.from({ length: 40_000 }, (_, index) => `field${index}: ${index}`).join('\n')}\n`);
    // One of each sort of mistake besides: YAML that does not parse, a wrong type, a reference to nothing, a file extending itself.
    const samples = ['unclosed-bracket.yaml', 'type-price-text.yaml', 'ref-unknown-platform.yaml', 'extends-cycle-a.yaml', 'extends-duplicate-id.yaml'].map((name) => path.join(CORPUS, name));
    const outcomes: Outcome[] = [];
    for (const file of [...samples, huge, unknownFields]) outcomes.push(await refuse(file, cwd));
    for (const outcome of outcomes) {
      const name = path.basename(outcome.file);
      expect(outcome.code, `${name}: ${outcome.stderr}`).toBe(2);
      expect(outcome.stderr, name).toMatch(/\.yaml:\d+:\d+/);
      expect(outcome.stderr, name).not.toMatch(/^\s+at /m);
      expect(outcome.wrote, name).toBe(false);
    }
  }, 120_000);
});

/** Runs a situation's script in a fresh scratch directory; resolves with its exit code and what it said. */
function situation(script: string): Promise<{ script: string; code: number | null; said: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', [path.join(SITUATIONS, script)], { cwd: temporaryDirectory(), env: { ...process.env, LIVESIM: `${process.execPath} ${BINARY}` } });
    let said = '';
    child.stdout.on('data', (chunk) => (said += chunk));
    child.stderr.on('data', (chunk) => (said += chunk));
    child.on('close', (code) => resolve({ script, code, said }));
  });
}

describe('a corpus of bad situations', () => {
  const scripts = readdirSync(SITUATIONS).filter((name) => name.endsWith('.sh') && name !== 'lib.sh');

  it('holds one script for each kind of situation that once went wrong', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(12);
  });

  it('ends well in every one: a clean error or the intended result, nothing outside its scratch directory touched', async () => {
    const outcomes = await pooled(scripts.map((script) => () => situation(script)), 3);
    for (const outcome of outcomes) expect(outcome.code, `${outcome.script}: ${outcome.said}`).toBe(0);
  }, 180_000);
});
