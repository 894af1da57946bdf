/**
 * 5. The job queue: 24 replicates of the benchmark model through BullMQ on a local redis-server
 * with 2 `livesim worker` processes (one job each at a time), against the same 24 on the local
 * pool's 2 threads. Each round uses fresh seeds for both (finished jobs would be reused). The
 * throughput ratio is local time / queue time; the per-job overhead is the extra wall time the
 * queue costs each job on its worker.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { QueueSession } from '../src/experiment/queue/queue-session.js';
import { parseQueueUrl } from '../src/experiment/queue/queue-url.js';
import { replicateSeeds, runReplicates } from '../src/experiment/replicates.js';
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
    const local: number[] = [];
    const queued: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      local.push(await timed(() => runReplicates(loaded, replicateSeeds(1000 + round, JOBS), { jobs: WORKERS, forceWorkers: true })));
      queued.push(await timed(() => runReplicates(loaded, replicateSeeds(2000 + round, JOBS), { remote: session })));
      process.stderr.write(`round ${round}/${rounds}: ${JOBS} replicates on the local pool ${local.at(-1)!.toFixed(2)} s, through the queue ${queued.at(-1)!.toFixed(2)} s\n`);
    }
    await session.close();
    const bestLocal = Math.min(...local);
    const bestQueued = Math.min(...queued);
    const ratio = bestLocal / bestQueued;
    const overheadMs = ((bestQueued - bestLocal) / (JOBS / WORKERS)) * 1000;
    console.log('');
    console.log(`${JOBS} replicates of the benchmark model, ${WORKERS} at a time, best of ${rounds} rounds`);
    console.log(`local pool, ${WORKERS} threads          ${bestLocal.toFixed(2).padStart(7)} s`);
    console.log(`queue, ${WORKERS} livesim workers     ${bestQueued.toFixed(2).padStart(7)} s`);
    console.log(`queue throughput / local: ${ratio.toFixed(2)}  (target >= ${MIN_THROUGHPUT_RATIO}); overhead per job ${overheadMs.toFixed(0)} ms`);
    return ratio >= MIN_THROUGHPUT_RATIO;
  } finally {
    for (const worker of workers) worker.kill('SIGKILL');
    await redis.kill();
  }
}
