/**
 * Every signal, every phase, in a pseudo-terminal (util-linux `script`): SIGINT (Ctrl+C), SIGTERM
 * (kill, a service manager) and SIGHUP (a closed terminal) stop `run` and `sweep` alike. While
 * loading, nothing is written; while running, what was computed is kept, marked incomplete;
 * while writing, the directory is written whole; while the report is drawn, the run stays whole.
 * The exit code is 128 + the signal's number and no lock or temporary is left behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STOP_SIGNALS, type StopSignal } from '../../src/errors.js';
import { LOCK_FILE, MANIFEST } from '../../src/experiment/run/run-layout.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { tinyScenario, writeFiles } from '../helpers.js';

const BINARY = path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');
const SIGNALS = Object.keys(STOP_SIGNALS) as StopSignal[];

/** Every livesim started here, to be ended however a test ends (a failed wait must not leave one running). */
const started: { terminal: ChildProcess; pid: () => number | undefined }[] = [];
afterAll(() => {
  for (const { terminal, pid } of started) {
    terminal.kill('SIGKILL');
    const livesim = pid();
    if (livesim === undefined) continue;
    try {
      process.kill(livesim, 'SIGKILL');
    } catch {
      // already ended, as it should have
    }
  }
});

/** livesim in a pseudo-terminal of 80×24; `waitFor` resolves once the screen shows `pattern`. */
function inTerminal(args: string[], cwd: string) {
  const quoted = [process.execPath, BINARY, ...args].map((arg) => JSON.stringify(arg)).join(' ');
  // The shell says its pid, then becomes livesim (exec keeps the pid): the signal goes to livesim itself.
  const command = `stty cols 80 rows 24; echo "pid $$"; exec ${quoted}`;
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', NO_COLOR: '1' };
  delete env.CI;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env });
  let screen = '';
  // What a person would read: escape sequences (colours, cursor moves) removed.
  child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')));
  let ended = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      ended = true;
      resolve(code);
    }),
  );
  const waitFor = async (pattern: RegExp) => {
    while (!pattern.test(screen)) {
      if (ended) throw new Error(`ended before showing ${pattern}:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const pid = () => {
    const found = /pid (\d+)/.exec(screen);
    return found ? Number(found[1]) : undefined;
  };
  started.push({ terminal: child, pid });
  const signal = async (name: StopSignal) => {
    await waitFor(/pid (\d+)/);
    process.kill(pid()!, name);
  };
  return { waitFor, signal, exited, screen: () => screen, terminal: child };
}

const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as { complete: boolean; files: string[] };

/** Nothing of ours left half done: no lock, no temporary. */
const leftovers = (dir: string) => readdirSync(dir).filter((name) => name === LOCK_FILE || name.endsWith('.tmp'));

describe.concurrent('signals in every phase', () => {
  const dir = writeFiles({
    // Long enough to be stopped in the middle.
    'long.yaml': tinyScenario({ end: '2020-06-01', anchors: [{ id: 'mei', recommendedTraffic: 400_000 }], farmers: [{ id: 'village', households: 30, produces: [{ product: 'apple', capacity: 10_000_000 }] }] }),
    // Replicates of about half a second.
    'medium.yaml': tinyScenario({ end: '2020-03-20', anchors: [{ id: 'mei', recommendedTraffic: 20_000 }] }),
    // A day of 120,000 households: households.csv (9 MB) takes a moment to write.
    'wide.yaml': tinyScenario({ end: '2020-03-03', fidelity: 'cohort', farmers: [{ id: 'village', households: 120_000 }] }),
    // A sweep of 3,000 cases: loading them takes seconds.
    'many.yaml': tinyScenario({ sweep: { replicates: 1, cases: Array.from({ length: 3000 }, (_, index) => ({ name: `c${index}`, set: { 'behaviour.purchaseRate': 0.001 + index * 1e-6 } })) } }),
  });

  it.each(SIGNALS)('%s while a run runs (the dashboard drawn): what was computed is kept, marked incomplete', async (name) => {
    const out = `running-${name}`;
    const run = inTerminal(['run', 'long.yaml', '--out', out], dir);
    await run.waitFor(/livesim tiny/);
    await run.signal(name);
    expect(await run.exited, run.screen()).toBe(STOP_SIGNALS[name]);
    expect(manifestOf(path.join(dir, out)).complete).toBe(false);
    expect(leftovers(path.join(dir, out))).toEqual([]);
  });

  it.each(SIGNALS)('%s while a run draws its report: the run is kept whole, and the exit code says it was stopped', async (name) => {
    const out = `reporting-${name}`;
    const run = inTerminal(['run', 'medium.yaml', '--no-ui', '--report', '--out', out], dir);
    // The run's files are written; the report (a second or so) is being drawn.
    await run.waitFor(/drawing report\.html/);
    await run.signal(name);
    expect(await run.exited, run.screen()).toBe(STOP_SIGNALS[name]);
    const manifest = manifestOf(path.join(dir, out));
    // The work had finished: the results are complete and every file the manifest lists is there
    // (the report is not drawn: livesim report draws it from them).
    expect(manifest.complete).toBe(true);
    for (const file of manifest.files) expect(existsSync(path.join(dir, out, file)), file).toBe(true);
    expect(leftovers(path.join(dir, out))).toEqual([]);
  });

  it('SIGTERM while a run writes 9 MB of files: written whole, and the exit code says it was stopped', async () => {
    const out = 'writing-wide';
    const run = inTerminal(['run', 'wide.yaml', '--no-ui', '--out', out], dir);
    await run.waitFor(/writing [\d.]+ MB to/);
    await run.signal('SIGTERM');
    expect(await run.exited, run.screen()).toBe(STOP_SIGNALS.SIGTERM);
    const manifest = manifestOf(path.join(dir, out));
    expect(manifest.complete).toBe(true);
    for (const file of manifest.files) expect(existsSync(path.join(dir, out, file)), file).toBe(true);
    expect(leftovers(path.join(dir, out))).toEqual([]);
  });

  it.each(SIGNALS)('%s while a sweep loads its cases: it ends at once, nothing written', async (name) => {
    const out = `loading-${name}`;
    const sweep = inTerminal(['sweep', 'many.yaml', '--no-ui', '--out', out], dir);
    await sweep.waitFor(/loaded 50 of 3,000 cases/);
    await sweep.signal(name);
    expect(await sweep.exited, sweep.screen()).toBe(STOP_SIGNALS[name]);
    expect(sweep.screen()).not.toMatch(/loaded 3,000 of 3,000/);
    expect(existsSync(path.join(dir, out))).toBe(false);
  });

  it.each(SIGNALS)('%s while a sweep runs: the replicates that finished are kept, marked incomplete', async (name) => {
    const out = `sweeping-${name}`;
    const sweep = inTerminal(['sweep', 'medium.yaml', '--vary', 'anchors.mei.skill=1,1.5,2', '--replicates', '4', '--jobs', '1', '--no-ui', '--out', out], dir);
    await sweep.waitFor(/[1-9]\d*\/12 replicates/);
    await sweep.signal(name);
    expect(await sweep.exited, sweep.screen()).toBe(STOP_SIGNALS[name]);
    expect(manifestOf(path.join(dir, out)).complete).toBe(false);
    const rows = readFileSync(path.join(dir, out, 'sweep.csv'), 'utf8').trim().split('\n');
    expect(rows.length - 1).toBeGreaterThanOrEqual(1);
    expect(rows.length - 1).toBeLessThan(12);
    expect(leftovers(path.join(dir, out))).toEqual([]);
  });

  it('a terminal that closes (its SSH session gone) stops the run as SIGHUP does, the run kept and its lock released', async () => {
    const out = 'hung-up';
    const run = inTerminal(['run', 'long.yaml', '--out', out], dir);
    await run.waitFor(/livesim tiny/);
    // Killing `script` closes the terminal: the kernel hangs up on livesim, whose output now fails.
    run.terminal.kill('SIGKILL');
    await run.exited;
    const manifest = path.join(dir, out, MANIFEST);
    for (let waited = 0; !existsSync(manifest) && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    for (let waited = 0; existsSync(path.join(dir, out, LOCK_FILE)) && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(manifestOf(path.join(dir, out)).complete).toBe(false);
    expect(leftovers(path.join(dir, out))).toEqual([]);
  });
});
