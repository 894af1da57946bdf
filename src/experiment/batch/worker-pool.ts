/**
 * Runs replicates in parallel on worker threads (one per core by default), handing each worker
 * the next task as it finishes one. Workers are kept for the next batch (calibration runs many
 * small batches) and do not hold the process open while idle. With one job, replicates run in
 * this thread instead. Results come back as they finish; callers order them. Stopping drops the
 * replicates that were running (their workers are ended) and keeps those that finished.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { MagnitudeError } from '../../errors.js';
import { runReplicateTask, type ReplicateOutcome, type ReplicateTask } from './replicate-task.js';

/** Somewhere else to run the tasks (a job queue): it reports outcomes as the pool does. */
export interface RemoteRunner {
  run(tasks: readonly ReplicateTask[], controls: PoolControls): Promise<ReplicateOutcome[]>;
  /** The replicates that failed there, for good (they are missing from the outcomes). */
  readonly failures: readonly { readonly task: ReplicateTask; readonly reason: string }[];
}

export interface PoolControls {
  readonly jobs?: number | undefined;
  /** Run the tasks there instead of on this machine's threads (--queue). */
  readonly remote?: RemoteRunner | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Called as each replicate finishes, in the order they finish. */
  readonly onOutcome?: ((outcome: ReplicateOutcome) => void) | undefined;
  /** Use worker threads even for one job (to measure them). */
  readonly forceWorkers?: boolean;
}

function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Runs the tasks; resolves with the outcomes that finished (all of them unless stopped). */
export async function runTasks(tasks: readonly ReplicateTask[], controls: PoolControls = {}): Promise<ReplicateOutcome[]> {
  if (controls.remote) return controls.remote.run(tasks, controls);
  const jobs = Math.max(1, Math.min(controls.jobs ?? defaultJobs(), tasks.length));
  if (jobs === 1 && !controls.forceWorkers) return runHere(tasks, controls);
  return runOnWorkers(tasks, jobs, controls);
}

async function runHere(tasks: readonly ReplicateTask[], controls: PoolControls): Promise<ReplicateOutcome[]> {
  const outcomes: ReplicateOutcome[] = [];
  for (const task of tasks) {
    if (controls.signal?.aborted) break;
    const outcome = await runReplicateTask(task, controls.signal);
    if (!outcome.summary.complete) break;
    outcomes.push(outcome);
    controls.onOutcome?.(outcome);
  }
  return outcomes;
}

/** Idle workers, ready for the next batch. */
const idle: Worker[] = [];

/**
 * A worker running the script beside this module; from TypeScript sources (tests), through tsx,
 * found from here: evaluated code would look for it from the working directory, and a test
 * running livesim in a scratch directory stands where there is none.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./replicate-worker.js', import.meta.url));
  const script = new URL('./replicate-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(bootstrap, { eval: true });
}

function acquire(): Worker {
  const worker = idle.pop() ?? startWorker();
  worker.ref();
  return worker;
}

function release(worker: Worker): void {
  worker.removeAllListeners('message');
  worker.removeAllListeners('error');
  worker.unref();
  idle.push(worker);
}

function runOnWorkers(tasks: readonly ReplicateTask[], jobs: number, controls: PoolControls): Promise<ReplicateOutcome[]> {
  const outcomes: ReplicateOutcome[] = [];
  const queue = [...tasks];
  const busy = new Set<Worker>();
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      controls.signal?.removeEventListener('abort', onAbort);
      // Workers still busy are running replicates nobody will wait for: end them.
      for (const worker of busy) void worker.terminate();
      if (error) reject(error);
      else resolve(outcomes);
    };
    const onAbort = () => finish();
    controls.signal?.addEventListener('abort', onAbort, { once: true });
    const feed = (worker: Worker) => {
      const task = queue.shift();
      if (task === undefined) {
        busy.delete(worker);
        release(worker);
        if (busy.size === 0) finish();
        return;
      }
      worker.postMessage(task);
    };
    if (controls.signal?.aborted) return finish();
    for (let index = 0; index < jobs; index++) {
      const worker = acquire();
      busy.add(worker);
      worker.on('message', (message: { outcome?: ReplicateOutcome; error?: string; magnitude?: { message: string; hint?: string } }) => {
        if (settled) return;
        if (message.magnitude !== undefined) return finish(new MagnitudeError(message.magnitude.message, message.magnitude.hint));
        if (message.error !== undefined) return finish(new Error(`a replicate failed in a worker:\n${message.error}`));
        outcomes.push(message.outcome!);
        controls.onOutcome?.(message.outcome!);
        if (controls.signal?.aborted) return finish();
        feed(worker);
      });
      worker.on('error', (error) => {
        busy.delete(worker);
        finish(error);
      });
      feed(worker);
    }
  });
}
