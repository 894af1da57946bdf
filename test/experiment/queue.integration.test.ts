/**
 * The job queue: a coordinator with --queue and `livesim worker` processes on a real Redis write
 * the same bytes as a local run, share and reuse finished jobs, survive a worker killed mid-job
 * and Redis restarted mid-batch, report a replicate that keeps failing, and refuse an
 * unreachable Redis before writing anything.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAME, decodeOutcome, encodeOutcome, jobData, outcomeFrom } from '../../src/experiment/queue/queue-jobs.js';
import { processJob } from '../../src/experiment/queue/queue-worker.js';
import { checkOutcome } from '../../src/experiment/queue/outcome-check.js';
import { replicateSeeds, replicateTasks } from '../../src/experiment/batch/replicates.js';
import type { ReplicateOutcome } from '../../src/experiment/batch/replicate-task.js';
import { PACKAGE_ROOT, VERSION } from '../../src/paths.js';
import { loadValue, temporaryDirectory, tinyScenario, writeFiles } from '../helpers.js';
import { startRedis, type RedisServer } from '../redis-server.js';

const BINARY = path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');
const livesim = (args: string[], cwd: string) => spawnSync(process.execPath, [BINARY, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

/** A scenario whose replicates take long enough (about a second) to be killed in the middle of one. */
const SLOW = tinyScenario({ start: '2020-03-02', end: '2021-04-30' });
const SLOWER = ['--set', 'farmers.village.households=400', '--set', 'anchors.mei.recommendedTraffic=3000'];

/** Runs the built CLI in the background; `exited` settles with its exit code and what it said on stderr. */
function background(args: string[], cwd: string) {
  const child = spawn(process.execPath, [BINARY, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let said = '';
  child.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
  const exited = new Promise<{ code: number | null; said: string }>((resolve) => child.once('exit', (code) => resolve({ code, said })));
  /** Resolves once it has said `text` on stderr. */
  const saying = async (text: string) => {
    while (!said.includes(text)) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  return { exited, saying, child };
}

describe('processJob: what a worker accepts', () => {
  const loaded = loadValue(tinyScenario());
  const [task] = replicateTasks(loaded, [42], { months: true });

  it('runs a job to the same outcome as the local pool, NaN and all', async () => {
    const outcome = decodeOutcome(await processJob(jobData(task!))) as ReplicateOutcome;
    expect(outcome.summary.metrics.gmv).toBeGreaterThan(0);
    expect(outcome.months?.rows.length).toBeGreaterThan(0);
    expect((decodeOutcome(encodeOutcome({ ...outcome, wallSeconds: Number.NaN })) as ReplicateOutcome).wallSeconds).toBeNaN();
  });

  it('reads a result back whether BullMQ hands over the worker’s text or an object parsed from it', async () => {
    const text = await processJob(jobData(task!));
    const marked = encodeOutcome({ ...(decodeOutcome(text) as ReplicateOutcome), wallSeconds: Number.POSITIVE_INFINITY });
    expect(outcomeFrom(JSON.parse(marked))).toEqual(outcomeFrom(marked));
    expect((outcomeFrom(JSON.parse(marked)) as ReplicateOutcome).wallSeconds).toBe(Number.POSITIVE_INFINITY);
    expect(outcomeFrom(null)).toBeUndefined();
  });

  it('the coordinator accepts an honest result and refuses {}, another replicate’s result, and books that do not balance', async () => {
    const honest = decodeOutcome(await processJob(jobData(task!))) as ReplicateOutcome;
    expect(checkOutcome(honest, task!)).toEqual({ outcome: honest });
    const reasonOf = (value: unknown) => ('reason' in checkOutcome(value, task!) ? (checkOutcome(value, task!) as { reason: string }).reason : 'accepted');
    expect(reasonOf({})).toMatch(/not a replicate's outcome: id/);
    expect(reasonOf({ ...honest, summary: { ...honest.summary, seed: 43 } })).toMatch(/for another replicate/);
    expect(reasonOf({ ...honest, summary: { ...honest.summary, complete: false } })).toMatch(/run to its end/);
    const parts = { ...honest.summary.ledger.parts, farmerRevenue: honest.summary.ledger.parts.farmerRevenue + 1 };
    expect(reasonOf({ ...honest, summary: { ...honest.summary, ledger: { ...honest.summary.ledger, parts } } })).toMatch(/does not keep its books/);
    expect(reasonOf({ ...honest, months: undefined })).toMatch(/lacks the months/);
  });

  it('refuses a job of another livesim version, a scenario the schema rejects, and one that does not match its hash', async () => {
    await expect(processJob({ ...jobData(task!), livesimVersion: '0.0.1' })).rejects.toThrow(`the job is for livesim 0.0.1, this worker is livesim ${VERSION}`);
    await expect(processJob({ ...jobData(task!), scenario: { ...loaded.scenario, seed: 'seven' } })).rejects.toThrow("the job's scenario is not valid: seed");
    await expect(processJob({ ...jobData(task!), scenario: { ...loaded.scenario, seed: 4 } })).rejects.toThrow('does not match its hash');
  });
});

describe('livesim with --queue', () => {
  let redis: RedisServer;
  const workers: ChildProcess[] = [];
  const dir = writeFiles({ 'county.yaml': tinyScenario(), 'slow.yaml': SLOW });

  /** A `livesim worker` process taking one job at a time; resolves once it is listening. */
  const startWorker = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = spawn(process.execPath, [BINARY, 'worker', '--queue', redis.url, '--jobs', '1', '--lock-seconds', '2', '-q'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      workers.push(child);
      let said = '';
      child.stderr!.on('data', (chunk: Buffer) => {
        said += chunk.toString();
        if (said.includes('taking jobs')) resolve(child);
      });
      child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${said}`)));
    });

  /** The queue as BullMQ counts it, to wait for jobs to be running or done instead of sleeping. */
  let watch: { connection: Redis; queue: Queue };
  const until = async (condition: (queue: Queue) => Promise<boolean>) => {
    while (!(await condition(watch.queue))) await new Promise((resolve) => setTimeout(resolve, 50));
  };

  beforeAll(async () => {
    redis = await startRedis();
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    // While Redis is restarted it reconnects; the errors in between are expected.
    connection.on('error', () => undefined);
    watch = { connection, queue: new Queue(QUEUE_NAME, { connection }) };
    watch.queue.on('error', () => undefined);
    await Promise.all([startWorker(), startWorker()]);
  }, 30_000);

  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await watch?.queue.close();
    watch?.connection.disconnect();
    await redis?.kill();
  });

  it('writes the same replicates.csv, replicates-timeseries.csv and summary.json as a local batch', () => {
    const queued = livesim(['run', 'county.yaml', '-q', '--replicates', '4', '--out', 'queued', '--queue', redis.url], dir);
    expect(queued.status, queued.stderr).toBe(0);
    expect(queued.stderr).toContain('4 jobs, 0 already done, 4 enqueued');
    expect(livesim(['run', 'county.yaml', '-q', '--replicates', '4', '--out', 'local'], dir).status).toBe(0);
    for (const file of ['replicates.csv', 'replicates-timeseries.csv', 'summary.json']) expect(read(path.join(dir, 'queued'), file), file).toBe(read(path.join(dir, 'local'), file));
  }, 60_000);

  it('runs a sweep, a comparison, a check and a sensitivity design to the same bytes, and a second sweep enqueues nothing', () => {
    const sweep = ['sweep', 'county.yaml', '-q', '--vary', 'products.apple.price=36,44', '--replicates', '2'];
    expect(livesim([...sweep, '--out', 'sweep-queued', '--queue', redis.url], dir).status).toBe(0);
    expect(livesim([...sweep, '--out', 'sweep-local'], dir).status).toBe(0);
    expect(read(path.join(dir, 'sweep-queued'), 'sweep.csv')).toBe(read(path.join(dir, 'sweep-local'), 'sweep.csv'));
    const again = livesim([...sweep, '--out', 'sweep-again', '--queue', redis.url], dir);
    expect(again.stderr).toContain('4 jobs, 4 already done, 0 enqueued');
    expect(read(path.join(dir, 'sweep-again'), 'sweep.csv')).toBe(read(path.join(dir, 'sweep-local'), 'sweep.csv'));

    const compare = ['compare', 'county.yaml', 'county.yaml', '--set-b', 'products.apple.price=44', '--replicates', '2', '-q', '--json'];
    expect(livesim([...compare, '--queue', redis.url], dir).stdout).toBe(livesim(compare, dir).stdout);

    const check = ['check', 'weiya-welfare', '--replicates', '2', '--json'];
    expect(livesim([...check, '--queue', redis.url], dir).stdout).toBe(livesim(check, dir).stdout);

    const design = ['sensitivity', 'county.yaml', '-q', '--param', 'anchors.mei.skill=0.8..1.2', '--trajectories', '2', '--replicates', '1', '--metric', 'gmv'];
    expect(livesim([...design, '--out', 'design-queued', '--queue', redis.url], dir).status).toBe(0);
    expect(livesim([...design, '--out', 'design-local'], dir).status).toBe(0);
    expect(read(path.join(dir, 'design-queued'), 'design.csv')).toBe(read(path.join(dir, 'design-local'), 'design.csv'));
  }, 90_000);

  it('finishes with the same results when a worker is killed (kill -9) in the middle of a job', async () => {
    const coordinator = background(['run', 'slow.yaml', ...SLOWER, '-q', '--replicates', '4', '--out', 'killed', '--queue', redis.url], dir);
    await coordinator.saying('enqueued');
    // Both workers are busy with a job of a second or two: the killed one leaves its job half done.
    await until(async (queue) => (await queue.getActiveCount()) === 2);
    workers[0]!.kill('SIGKILL');
    const { code, said } = await coordinator.exited;
    expect(code, said).toBe(0);
    expect(livesim(['run', 'slow.yaml', ...SLOWER, '-q', '--replicates', '4', '--out', 'unkilled'], dir).status).toBe(0);
    expect(read(path.join(dir, 'killed'), 'replicates.csv')).toBe(read(path.join(dir, 'unkilled'), 'replicates.csv'));
    expect(JSON.parse(read(path.join(dir, 'killed'), 'manifest.json')).complete).toBe(true);
    await startWorker();
  }, 90_000);

  it('lets two coordinators asking for the same replicates share the jobs', async () => {
    const jobsDone = () => JSON.parse(livesim(['queue', 'status', '--queue', redis.url, '--json'], dir).stdout).jobs.done as number;
    const before = jobsDone();
    const batch = (out: string) => background(['run', 'county.yaml', '-q', '--replicates', '4', '--seed', '4242', '--out', out, '--queue', redis.url], dir);
    const [first, second] = [batch('twin-1'), batch('twin-2')];
    const [one, two] = [await first.exited, await second.exited];
    expect(one.code, one.said).toBe(0);
    expect(two.code, two.said).toBe(0);
    expect(read(path.join(dir, 'twin-1'), 'replicates.csv')).toBe(read(path.join(dir, 'twin-2'), 'replicates.csv'));
    expect(jobsDone() - before).toBe(4);
  }, 60_000);

  it('keeps what finished when the coordinator is stopped (Ctrl+C), and the same command then resumes from the finished jobs', async () => {
    const args = ['run', 'slow.yaml', ...SLOWER, '-q', '--replicates', '4', '--seed', '77', '--out', 'resumed', '--queue', redis.url];
    const done = await watch.queue.getCompletedCount();
    const stopped = background(args, dir);
    await stopped.saying('enqueued');
    // Stopped once a job of this batch has finished and others are still running.
    await until(async (queue) => (await queue.getCompletedCount()) > done && (await queue.getActiveCount()) > 0);
    stopped.child.kill('SIGINT');
    expect((await stopped.exited).code).toBe(130);
    expect(JSON.parse(read(path.join(dir, 'resumed'), 'manifest.json')).complete).toBe(false);
    const resumed = livesim([...args, '--force'], dir);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/4 jobs, [1-4] already done/);
    expect(livesim(['run', 'slow.yaml', ...SLOWER, '-q', '--replicates', '4', '--seed', '77', '--out', 'not-stopped'], dir).status).toBe(0);
    expect(read(path.join(dir, 'resumed'), 'replicates.csv')).toBe(read(path.join(dir, 'not-stopped'), 'replicates.csv'));
  }, 90_000);

  it('lists its workers in queue status', () => {
    const status = livesim(['queue', 'status', '--queue', redis.url, '--json'], dir);
    expect(status.status, status.stderr).toBe(0);
    const found = JSON.parse(status.stdout);
    expect(found.queue).toBe(QUEUE_NAME);
    expect(found.workers.length).toBeGreaterThanOrEqual(2);
    expect(found.jobs.done).toBeGreaterThan(0);
  });

  it('carries on when Redis is restarted (empty) in the middle of a batch, and says so', async () => {
    const coordinator = background(['run', 'slow.yaml', ...SLOWER, '-q', '--replicates', '4', '--seed', '99', '--out', 'restarted', '--queue', redis.url], dir);
    await coordinator.saying('enqueued');
    // Redis goes while jobs are running.
    await until(async (queue) => (await queue.getActiveCount()) > 0);
    await redis.kill();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await redis.restart();
    const { code, said } = await coordinator.exited;
    expect(code, said).toBe(0);
    expect(said).toContain("lost the queue's Redis");
    expect(said).toContain('enqueued again');
    // Said once, in words: no stack trace for each failed reconnection.
    expect(said).not.toMatch(/ECONNREFUSED|^\s+at /m);
    expect(livesim(['run', 'slow.yaml', ...SLOWER, '-q', '--replicates', '4', '--seed', '99', '--out', 'unrestarted'], dir).status).toBe(0);
    expect(read(path.join(dir, 'restarted'), 'replicates.csv')).toBe(read(path.join(dir, 'unrestarted'), 'replicates.csv'));
  }, 90_000);

  it('reports a replicate whose job keeps failing after 3 attempts, leaves it out, lists it in the manifest and exits 1', async () => {
    const seeds = replicateSeeds(5, 3);
    const doomed = seeds[1]!;
    // A worker of this test's own: the job for one seed throws every time.
    for (const worker of workers) worker.kill('SIGKILL');
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const failing = new Worker(QUEUE_NAME, async (job) => {
      if (job.data.seed === doomed) throw new Error('out of memory (pretend)');
      return processJob(job.data);
    }, { connection, concurrency: 2 });
    try {
      const coordinator = background(['run', 'county.yaml', '-q', '--replicates', '3', '--seed', '5', '--out', 'failing', '--queue', redis.url], dir);
      const { code, said } = await coordinator.exited;
      expect(code, said).toBe(1);
      expect(said).toContain(`replicate 1 (seed ${doomed}) failed on the queue after its last attempt: out of memory (pretend)`);
      const manifest = JSON.parse(read(path.join(dir, 'failing'), 'manifest.json'));
      expect(manifest.complete).toBe(false);
      expect(manifest.failed).toEqual([expect.objectContaining({ position: 1, seed: doomed, reason: 'out of memory (pretend)' })]);
      expect(read(path.join(dir, 'failing'), 'replicates.csv').trim().split('\n')).toHaveLength(1 + 2);
      const [job] = (await new Queue(QUEUE_NAME, { connection }).getJobs(['failed'])).filter((found) => found.data.seed === doomed);
      expect(job?.attemptsMade).toBe(3);
    } finally {
      await failing.close();
      connection.disconnect();
    }
  }, 60_000);

  it('fails a rogue worker’s results ({}) as replicates with the reason, removes them, and a re-run recomputes them', async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const rogue = new Worker(QUEUE_NAME, async () => ({}), { connection, concurrency: 2 });
    const args = ['run', 'county.yaml', '-q', '--replicates', '2', '--seed', '808', '--queue', redis.url];
    try {
      const cheated = background([...args, '--out', 'rogue'], dir);
      const { code, said } = await cheated.exited;
      expect(code, said).toBe(1);
      expect(said).toContain("failed on the queue: the worker's result is not a replicate's outcome");
      expect(JSON.parse(read(path.join(dir, 'rogue'), 'manifest.json')).complete).toBe(false);
    } finally {
      await rogue.close();
      connection.disconnect();
    }
    await startWorker();
    const honest = livesim([...args, '--out', 'honest'], dir);
    expect(honest.status, honest.stderr).toBe(0);
    expect(honest.stderr).toContain('2 jobs, 0 already done, 2 enqueued');
  }, 60_000);

  it('fails a job whose data is not JSON instead of waiting for it, and removes it so that a re-run computes it', async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    const args = ['run', 'county.yaml', '-q', '--replicates', '1', '--seed', '909', '--queue', redis.url];
    const waiting = background([...args, '--out', 'garbled'], dir);
    await waiting.saying('enqueued');
    const [job] = await watch.queue.getJobs(['waiting']);
    await watch.connection.hset(`bull:${QUEUE_NAME}:${job!.id}`, 'data', 'this is {not json');
    const { code, said } = await waiting.exited;
    expect(code, said).toBe(1);
    expect(said).toContain('the job on the queue cannot be read');
    await startWorker();
    const again = livesim([...args, '--out', 'mended'], dir);
    expect(again.status, again.stderr).toBe(0);
  }, 60_000);

  it('has workers refuse a job over the resource limits, for good, with the estimate as the reason', async () => {
    const big = writeFiles({ 'big.yaml': 'extends: weiya-welfare\nfidelity: agent\n' });
    const started = performance.now();
    // The coordinator is forced past its own guard; the worker still refuses.
    const forced = livesim(['run', path.join(big, 'big.yaml'), '-q', '--replicates', '1', '--force', '--out', path.join(big, 'out'), '--queue', redis.url], dir);
    expect(forced.status, forced.stderr).toBe(1);
    expect(forced.stderr).toMatch(/this worker refuses the job: big: this scenario would need about [\d.]+ billion events/);
    expect(performance.now() - started).toBeLessThan(5000);
  }, 30_000);

  it('refuses an unreachable Redis with exit 2 and the URL, before writing anything', () => {
    const cwd = temporaryDirectory();
    const refused = spawnSync(process.execPath, [BINARY, 'run', path.join(dir, 'county.yaml'), '--replicates', '2', '--out', 'never', '--queue', 'redis://:secret@127.0.0.1:1'], { cwd, encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("cannot reach the queue's Redis at redis://:***@127.0.0.1:1");
    expect(refused.stderr).not.toContain('secret');
    expect(existsSync(path.join(cwd, 'never'))).toBe(false);
  });
});

describe('a queue no worker listens to', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  }, 30_000);
  afterAll(async () => {
    await redis?.kill();
  });

  it('says so within seconds, with the command that starts a worker, instead of waiting in silence', async () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    const waiting = background(['run', 'county.yaml', '-q', '--replicates', '2', '--out', 'waiting', '--queue', redis.url], dir);
    await waiting.saying('no livesim worker is connected');
    waiting.child.kill('SIGINT');
    const { code, said } = await waiting.exited;
    expect(said).toContain(`livesim worker --queue ${redis.url}`);
    expect(code).toBe(130);
  }, 30_000);
});
