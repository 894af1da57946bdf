/**
 * 5. The job queue: 24 replicates of the benchmark model through BullMQ on a local redis-server
 * with 2 `livesim worker` processes (one job each at a time), against the same 24 on the local
 * pool's 2 threads. Each round uses fresh seeds for both (finished jobs would be reused). The
 * throughput ratio is local time / queue time. The per-job overhead is the time a worker slot
 * spent on a job besides running it (enqueueing, handing it over, returning its result): the
 * queued round's wall time times the slots, less the jobs' own processing times as BullMQ
 * recorded them, per job.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUE_NAME, jobId } from '../src/experiment/queue/queue-jobs.js';
import { QueueSession } from '../src/experiment/queue/queue-session.js';
import { parseQueueUrl } from '../src/experiment/queue/queue-url.js';
import { replicateSeeds, replicateTasks, runReplicates } from '../src/experiment/batch/replicates.js';
import type { LoadedScenario } from '../src/scenario/load.js';
import { startRedis } from '../test/redis-server.js';

const JOBS = 24;
const WORKERS = 2;
const MIN_THROUGHPUT_RATIO = 0.8;

export async function benchQueue(loaded: LoadedScenario, root: string, rounds: number): Promise<boolean> {
  const redis = await startRedis();
  const binary = path.join(root, 'dist', 'cli', 'main.js');
  const workers: ChildProcess[] = [];
  try {
    await Promise.all(
      Array.from({ length: WORKERS }, () => {
        const child = spawn(process.execPath, [binary, 'worker', '--queue', redis.url, '--jobs', '1', '-q'], { stdio: ['ignore', 'ignore', 'pipe'] });
        workers.push(child);
        return new Promise<void>((resolve) => child.stderr!.on('data', (chunk: Buffer) => chunk.toString().includes('taking jobs') && resolve()));
      }),
    );
    const session = await QueueSession.open(parseQueueUrl(redis.url), () => undefined);
    const timed = async (run: () => Promise<unknown>) => {
      const started = performance.now();
      await run();
      return (performance.now() - started) / 1000;
    };
    // Warm both: the workers' threads and the local pool's.
    await timed(() => runReplicates(loaded, replicateSeeds(900, WORKERS), { remote: session }));
    await timed(() => runReplicates(loaded, replicateSeeds(901, WORKERS), { jobs: WORKERS, forceWorkers: true }));
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUE_NAME, { connection });
    /** Seconds the round's jobs spent being processed on the workers, as BullMQ recorded them. */
    const processing = async (seeds: readonly number[]) => {
      const jobs = await Promise.all(replicateTasks(loaded, seeds).map((task) => Job.fromId(queue, jobId(task))));
      return jobs.reduce((sum, job) => sum + ((job?.finishedOn ?? 0) - (job?.processedOn ?? 0)) / 1000, 0);
    };
    const local: number[] = [];
    const queued: number[] = [];
    const overheads: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      local.push(await timed(() => runReplicates(loaded, replicateSeeds(1000 + round, JOBS), { jobs: WORKERS, forceWorkers: true })));
      const seeds = replicateSeeds(2000 + round, JOBS);
      queued.push(await timed(() => runReplicates(loaded, seeds, { remote: session })));
      overheads.push(((queued.at(-1)! * WORKERS - (await processing(seeds))) / JOBS) * 1000);
      process.stderr.write(`round ${round}/${rounds}: ${JOBS} replicates on the local pool ${local.at(-1)!.toFixed(2)} s, through the queue ${queued.at(-1)!.toFixed(2)} s\n`);
    }
    await session.close();
    await queue.close();
    connection.disconnect();
    const bestLocal = Math.min(...local);
    const bestQueued = Math.min(...queued);
    const ratio = bestLocal / bestQueued;
    const overheadMs = overheads.sort((a, b) => a - b)[Math.floor(overheads.length / 2)]!;
    console.log('');
    console.log(`${JOBS} replicates of the benchmark model, ${WORKERS} at a time, best of ${rounds} rounds`);
    console.log(`local pool, ${WORKERS} threads          ${bestLocal.toFixed(2).padStart(7)} s`);
    console.log(`queue, ${WORKERS} livesim workers     ${bestQueued.toFixed(2).padStart(7)} s`);
    console.log(`queue throughput / local: ${ratio.toFixed(2)}  (target >= ${MIN_THROUGHPUT_RATIO}); overhead per job ${overheadMs.toFixed(0)} ms (median of the rounds)`);
    return ratio >= MIN_THROUGHPUT_RATIO;
  } finally {
    for (const worker of workers) worker.kill('SIGKILL');
    await redis.kill();
  }
}
