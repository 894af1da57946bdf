/**
 * A worker's side of the queue: it takes jobs (one replicate each) and runs them on this machine's
 * worker threads, `jobs` at a time. A job is data only; it is checked as a scenario file would
 * be, against the same schema, and against its hash, before anything runs, and a job for another
 * livesim version is refused with the reason (it could not give the same numbers).
 */
import { hostname } from 'node:os';
import { UnrecoverableError, Worker } from 'bullmq';
import { MagnitudeError } from '../../errors.js';
import { VERSION } from '../../paths.js';
import { batchProblem } from '../run/resource-estimate.js';
import { hashScenario } from '../../scenario/hash.js';
import { scenarioSchema } from '../../scenario/schema.js';
import { runTasks } from '../batch/worker-pool.js';
import { QUEUE_NAME, encodeOutcome, type JobData } from './queue-jobs.js';
import { checkReachable, queueConnection } from './redis-connection.js';
import type { QueueUrl } from './queue-url.js';

export interface WorkerOptions {
  /** Jobs run at once (worker threads). */
  readonly jobs: number;
  /** How long a job stays with a worker that stopped answering before another may take it. */
  readonly lockSeconds: number;
  /** Take jobs over the resource limits too. */
  readonly force?: boolean | undefined;
  readonly onJob?: (event: { readonly id: string; readonly seconds: number; readonly error?: string }) => void;
}

/**
 * Runs one job's replicate; throws (without retries) when the job is not one this worker may
 * run: another version, a scenario that is not valid or not its hash, one over the resource
 * limits (unless the worker was started with --force), or one that goes out of range.
 */
export async function processJob(data: unknown, options: { readonly force?: boolean; readonly jobs?: number } = {}): Promise<string> {
  const job = (data ?? {}) as Partial<JobData>;
  if (job.livesimVersion !== VERSION) {
    throw new UnrecoverableError(`the job is for livesim ${String(job.livesimVersion)}, this worker is livesim ${VERSION}: run a worker of the coordinator's version`);
  }
  const parsed = scenarioSchema.safeParse(job.scenario);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UnrecoverableError(`the job's scenario is not valid: ${issue.path.join('.') || '(the whole scenario)'}: ${issue.message}`);
  }
  if (typeof job.hash !== 'string' || hashScenario(parsed.data) !== job.hash) throw new UnrecoverableError("the job's scenario does not match its hash");
  if (!Number.isSafeInteger(job.seed)) throw new UnrecoverableError(`the job's seed ${String(job.seed)} is not an integer`);
  if (!options.force) {
    // The same guard as a coordinator's: a job anyone can enqueue must not starve the jobs after it.
    // As many such jobs may run at once as the worker takes: their memory together counts.
    const jobs = options.jobs ?? 1;
    const problem = batchProblem({ scenarios: [{ loaded: { scenario: parsed.data, hash: job.hash }, runs: jobs }], parallel: jobs });
    if (problem) throw new UnrecoverableError(`this worker refuses the job: ${problem.message}`);
  }
  const keep = { targets: job.keep?.targets === true, months: job.keep?.months === true };
  try {
    const [outcome] = await runTasks([{ id: 0, scenario: parsed.data, hash: job.hash, seed: job.seed!, keep }], { jobs: 1, forceWorkers: true });
    return encodeOutcome(outcome!);
  } catch (error) {
    // Out of range is the scenario's doing: another attempt would end the same way.
    if (error instanceof MagnitudeError) throw new UnrecoverableError(error.message);
    throw error;
  }
}

/** Starts taking jobs from the queue at `url`; resolves once Redis has answered. */
export async function startWorker(url: QueueUrl, options: WorkerOptions): Promise<{ readonly name: string; close(): Promise<void> }> {
  await checkReachable(url);
  const connection = queueConnection(url);
  // Redis names connections with it (queue status lists workers by it): no spaces allowed.
  const name = `livesim-${VERSION}@${hostname()}/pid${process.pid}`.replace(/\s/g, '_');
  const lockDuration = Math.round(options.lockSeconds * 1000);
  const worker = new Worker(QUEUE_NAME, (job) => processJob(job.data, { force: options.force, jobs: options.jobs }), {
    connection,
    name,
    concurrency: options.jobs,
    lockDuration,
    // Stalled jobs (their worker died) are looked for this often, and tried again twice at most.
    stalledInterval: Math.max(1000, Math.round(lockDuration / 2)),
    maxStalledCount: 2,
  });
  worker.on('completed', (job) => options.onJob?.({ id: job.id ?? '?', seconds: ((job.finishedOn ?? Date.now()) - (job.processedOn ?? Date.now())) / 1000 }));
  worker.on('failed', (job, error) => options.onJob?.({ id: job?.id ?? '?', seconds: 0, error: error.message }));
  // Connection errors are retried by the connection itself; the event must not crash the worker.
  worker.on('error', () => undefined);
  await worker.waitUntilReady();
  return {
    name,
    async close() {
      // The running jobs finish and are handed back first. With Redis gone they never can be: once
      // their locks would have expired anyway (another worker may take them then), stop without them.
      const handedBack = worker.close().then(() => true);
      const gaveUp = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), lockDuration + 5000).unref());
      if (!(await Promise.race([handedBack, gaveUp]))) void worker.close(true).catch(() => undefined);
      connection.disconnect();
    },
  };
}
