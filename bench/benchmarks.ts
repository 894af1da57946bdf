/**
 * `npm run bench`: each measurement a ratio of two things timed in the same run (so the
 * machine's speed cancels out); rounds alternate and the best of each is kept.
 * 1. livesim on the viewer-level benchmark model against the same model on a tight hand-written
 *    loop (bench/tight-loop.ts), each run cold in a fresh process, at 1x and 8x the arrivals;
 *    and (1b) national-agri end to end, cold, against the tight loop, taking turns with it.
 * 2. the same run with the live dashboard drawn (to a terminal that discards it) against the
 *    same run with --no-ui's plain progress lines.
 * 3. a batch of replicates on 2 worker threads against the same batch on 1.
 * 4. start-up of the quick commands, and npm start's build check, against a bare Node process.
 * 5. the same replicates through the job queue (2 livesim workers on a local redis-server)
 *    against the local pool (bench/queue-bench.ts).
 * 6. the studio's keys while 8 replicate pairs run, against the same keys with the pool idle
 *    (bench/studio-bench.tsx): answered within 100 ms.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { replicateSeeds, runReplicates } from '../src/experiment/batch/replicates.js';
import { ScenarioRun } from '../src/experiment/run/single-run.js';
import { loadScenario } from '../src/scenario/load.js';
import { ProgressReporter } from '../src/cli/progress.js';
import { detectTerminal } from '../src/cli/terminal.js';
import { mountDashboard } from '../src/ui/mount-dashboard.js';
import { FakeInput, FakeTerminal } from '../test/ui/fixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET_RATIO = 0.5;

const loaded = loadScenario(path.join(here, 'viewer-level.yaml'));

interface Measurement {
  readonly events: number;
  readonly seconds: number;
  readonly orders: number;
}

// 1. Each run in a fresh process (cold: the JIT starts from nothing, as in a CLI run), livesim and
// the tight loop taking turns, at the model's arrivals and at 8 times them (a larger audience
// keeps more events pending: this is where allocation per event used to show).
const COLD_ROUNDS = 3;
const SCALES = [1, 8] as const;
const MIN_SCALED_RATE = 0.8; // livesim's events a second at 8x, as a share of its own at 1x
const { spawnSync: spawnCold } = await import('node:child_process');
const tsx = path.join(here, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
function coldRun(which: 'livesim' | 'tight' | 'national', scale: number): Measurement {
  const result = spawnCold(process.execPath, [tsx, path.join(here, 'cold-run.ts'), which, String(scale)], { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`cold run of ${which} at ${scale}x failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Measurement;
}
const rate = (measurement: Measurement) => measurement.events / measurement.seconds;
const best = (measurements: Measurement[]) => measurements.reduce((a, b) => (rate(a) >= rate(b) ? a : b));
const row = (name: string, m: Measurement) =>
  `${name.padEnd(14)} ${(m.events / 1e6).toFixed(2).padStart(6)} M events ${m.seconds.toFixed(2).padStart(6)} s ${(rate(m) / 1e6).toFixed(2).padStart(5)} M events/s`;

console.log(`viewer-level benchmark (bench/viewer-level.yaml), each run cold in a fresh process, best of ${COLD_ROUNDS}`);
const livesimRate = new Map<number, number>();
for (const scale of SCALES) {
  const livesim: Measurement[] = [];
  const tight: Measurement[] = [];
  for (let round = 1; round <= COLD_ROUNDS; round++) {
    tight.push(coldRun('tight', scale));
    livesim.push(coldRun('livesim', scale));
    process.stderr.write(`${scale}x round ${round}/${COLD_ROUNDS}: livesim ${(rate(livesim.at(-1)!) / 1e6).toFixed(2)} M events/s, tight loop ${(rate(tight.at(-1)!) / 1e6).toFixed(2)} M events/s\n`);
  }
  const ratio = rate(best(livesim)) / rate(best(tight));
  livesimRate.set(scale, rate(best(livesim)));
  console.log(`${scale}x the arrivals`);
  console.log(row('  livesim', best(livesim)));
  console.log(row('  tight loop', best(tight)));
  console.log(`  ratio livesim / tight loop: ${ratio.toFixed(2)}  (target >= ${TARGET_RATIO})`);
  if (ratio < TARGET_RATIO) process.exitCode = 1;
}
const scaled = livesimRate.get(8)! / livesimRate.get(1)!;
console.log(`livesim's events a second at 8x, against its own at 1x: ${scaled.toFixed(2)}  (target >= ${MIN_SCALED_RATE})`);
if (scaled < MIN_SCALED_RATE) process.exitCode = 1;

// 1b. A national run, with everything the model does per household each night (settlement, the
// counterfactual's accounts, the poverty tally), cold in a fresh process, against the tight loop's
// cold run at 1x (a reference that never changes; the viewer-level run was the reference until
// issue 20 made it twice as fast). Measured the same way on the code before the counterfactual and
// the offline markets (commit 6a6da7b, built in a worktree, national-agri and the tight loop
// taking turns, best of 6: 0.811 s against 0.522 s), the ratio was 1.55; the target keeps
// national-agri within 1.3 times that. The same method here: six rounds, taking turns.
const NATIONAL_RATIO_BEFORE = 1.55;
const MAX_NATIONAL_SLOWDOWN = 1.3;
const NATIONAL_ROUNDS = 6;
const national: number[] = [];
const tightAgain: number[] = [];
for (let round = 1; round <= NATIONAL_ROUNDS; round++) {
  tightAgain.push(coldRun('tight', 1).seconds);
  national.push(coldRun('national', 1).seconds);
}
const nationalBest = Math.min(...national);
const nationalRatio = nationalBest / Math.min(...tightAgain);
console.log(
  `national-agri ${nationalBest.toFixed(2)} s cold, ${nationalRatio.toFixed(2)}x the tight loop's run: ${(nationalRatio / NATIONAL_RATIO_BEFORE).toFixed(2)}x its ratio before the counterfactual (target <= ${MAX_NATIONAL_SLOWDOWN}x)`,
);
if (nationalRatio > NATIONAL_RATIO_BEFORE * MAX_NATIONAL_SLOWDOWN) process.exitCode = 1;

// 2. The dashboard's cost, against what --no-ui does instead: plain progress lines from snapshots.
// On the benchmark model run twice as long (40 broadcasts, ~2.5 s), so that mounting the
// dashboard once weighs less than drawing it all along.
const MAX_DASHBOARD_OVERHEAD = 1.1;
const longer = loadScenario(path.join(here, 'viewer-level.yaml'), { overrides: ['end=2020-01-04T08:00'] });

async function timeWithProgressLines(seed: number): Promise<number> {
  const run = new ScenarioRun(longer, seed);
  const terminal = new FakeTerminal(100, 40);
  const progress = new ProgressReporter({ ...detectTerminal({ color: false }), err: (text) => terminal.write(text) }, 'lines');
  run.snapshots$.subscribe((snapshot) => progress.onSnapshot(snapshot));
  const started = performance.now();
  await run.run({ onProgress: (status) => progress.onSlice(status) });
  return (performance.now() - started) / 1000;
}

async function timeWithDashboard(seed: number): Promise<{ seconds: number; bytes: number }> {
  const run = new ScenarioRun(longer, seed);
  const terminal = new FakeTerminal(100, 40);
  const started = performance.now();
  const dashboard = mountDashboard({
    run,
    onStop: () => {},
    colorful: true,
    stdout: terminal as unknown as NodeJS.WriteStream,
    stdin: new FakeInput() as unknown as NodeJS.ReadStream,
  });
  await run.run({ onProgress: (status) => dashboard.onSlice(status) });
  await dashboard.close();
  return { seconds: (performance.now() - started) / 1000, bytes: terminal.written.length };
}

const plain: number[] = [];
const drawn: { seconds: number; bytes: number }[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  plain.push(await timeWithProgressLines(round));
  drawn.push(await timeWithDashboard(round));
  process.stderr.write(`round ${round}/${ROUNDS}: --no-ui ${plain.at(-1)!.toFixed(2)} s, dashboard ${drawn.at(-1)!.seconds.toFixed(2)} s\n`);
}
const bestPlain = Math.min(...plain);
const bestDrawn = drawn.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
const overhead = bestDrawn.seconds / bestPlain;
console.log('');
console.log('dashboard cost on the same run (the benchmark model, 40 broadcasts), best of', ROUNDS, 'rounds');
console.log(`--no-ui lines   ${bestPlain.toFixed(2).padStart(7)} s`);
console.log(`dashboard       ${bestDrawn.seconds.toFixed(2).padStart(7)} s  (${(bestDrawn.bytes / 1024).toFixed(0)} KiB drawn)`);
console.log(`ratio dashboard / --no-ui: ${overhead.toFixed(3)}  (target <= ${MAX_DASHBOARD_OVERHEAD})`);
if (overhead > MAX_DASHBOARD_OVERHEAD) process.exitCode = 1;

// 3. Replicates on worker threads: 2 workers against 1, on the same batch.
const MIN_SPEEDUP = 1.7;
const BATCH = 6;
const seeds = replicateSeeds(1, BATCH);

async function timeBatch(jobs: number): Promise<number> {
  const started = performance.now();
  await runReplicates(loaded, seeds, { jobs, forceWorkers: true });
  return (performance.now() - started) / 1000;
}

await timeBatch(2); // start the workers once, so that both measurements find them warm
const single: number[] = [];
const double: number[] = [];
const BATCH_ROUNDS = Math.max(2, Math.ceil(ROUNDS / 2));
for (let round = 1; round <= BATCH_ROUNDS; round++) {
  single.push(await timeBatch(1));
  double.push(await timeBatch(2));
  process.stderr.write(`round ${round}/${BATCH_ROUNDS}: ${BATCH} replicates on 1 worker ${single.at(-1)!.toFixed(2)} s, on 2 workers ${double.at(-1)!.toFixed(2)} s\n`);
}
const speedup = Math.min(...single) / Math.min(...double);
console.log('');
console.log(`${BATCH} replicates of the benchmark model on worker threads, best of ${BATCH_ROUNDS} rounds`);
console.log(`1 worker        ${Math.min(...single).toFixed(2).padStart(7)} s`);
console.log(`2 workers       ${Math.min(...double).toFixed(2).padStart(7)} s`);
console.log(`speed-up on 2 workers: ${speedup.toFixed(2)}x  (target >= ${MIN_SPEEDUP}x)`);
if (speedup < MIN_SPEEDUP) process.exitCode = 1;

// 4. Start-up: the quick commands and npm start's build check, each as a whole process, against
// a bare `node -e 0` timed in the same rounds (so the machine's speed cancels out).
const STARTUP_ROUNDS = 7;
const MAX_STARTUP_RATIO = 6; // ~0.3 s where Node itself starts in ~50 ms
const MAX_BUILD_CHECK_RATIO = 3;
const root = path.dirname(here);
const binary = path.join(root, 'dist', 'cli', 'main.js');
const { spawnSync } = await import('node:child_process');
function medianSeconds(args: readonly string[]): number {
  const times: number[] = [];
  for (let round = 0; round < STARTUP_ROUNDS; round++) {
    const started = performance.now();
    spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    times.push((performance.now() - started) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}
spawnSync(process.execPath, [path.join(root, 'scripts', 'build-if-stale.mjs')], { cwd: root, stdio: 'ignore' }); // bring dist up to date first
const bare = medianSeconds(['-e', '0']);
console.log('');
console.log(`start-up, median of ${STARTUP_ROUNDS} processes (bare node -e 0: ${(bare * 1000).toFixed(0)} ms)`);
const startups: [string, readonly string[], number][] = [
  ['livesim --version', [binary, '--version'], MAX_STARTUP_RATIO],
  ['livesim list', [binary, 'list'], MAX_STARTUP_RATIO],
  ['livesim validate demo-county', [binary, 'validate', 'demo-county'], MAX_STARTUP_RATIO],
  ['livesim show demo-county', [binary, 'show', 'demo-county'], MAX_STARTUP_RATIO],
  ['livesim schema', [binary, 'schema'], MAX_STARTUP_RATIO],
  ["npm start's build check (nothing changed)", [path.join(root, 'scripts', 'build-if-stale.mjs')], MAX_BUILD_CHECK_RATIO],
];
for (const [label, args, limit] of startups) {
  const seconds = medianSeconds(args);
  const ratio = seconds / bare;
  console.log(`${label.padEnd(44)} ${(seconds * 1000).toFixed(0).padStart(5)} ms  ${ratio.toFixed(1)}x bare node  (target <= ${limit}x)`);
  if (ratio > limit) process.exitCode = 1;
}

// 5. The job queue against the local pool.
const { benchQueue } = await import('./queue-bench.js');
if (!(await benchQueue(loaded, root, Math.max(2, Math.ceil(ROUNDS / 2))))) process.exitCode = 1;

// 6. The studio answers keys while its replicates run.
const { benchStudio } = await import('./studio-bench.js');
if (!(await benchStudio())) process.exitCode = 1;
