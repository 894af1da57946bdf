/**
 * The coordinator's side of the queue: it puts one job per replicate on the queue (or finds the
 * job already there, finished or not), waits for the results and hands them back as the local
 * pool would, so every command writes the same run directory with or without --queue.
 *
 * Results arrive as QueueEvents say jobs completed; every few seconds the jobs still awaited are
 * also looked up, which catches what events missed and jobs that Redis lost (it was restarted
 * without persistence): those are enqueued again. A job that fails its last attempt is reported
 * and its replicate left out: the run is then incomplete, never silently short.
 */
import { Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ReplicateOutcome, ReplicateTask } from '../batch/replicate-task.js';
import type { PoolControls, RemoteRunner } from '../batch/worker-pool.js';
import { QUEUE_NAME, jobData, jobId, outcomeFrom } from './queue-jobs.js';
import { checkOutcome } from './outcome-check.js';
import { checkReachable, queueConnection } from './redis-connection.js';
import type { QueueUrl } from './queue-url.js';

/** Tries per job: a replicate that throws is tried again on another worker this many times in all. */
const ATTEMPTS = 3;
/** How long finished jobs (and their results) stay for a re-run to reuse; failed ones, for a look. */
const KEEP_SECONDS = 7 * 24 * 3600;
/** How often the awaited jobs are looked up besides the events. */
const RECONCILE_MS = 3000;
/** How long jobs may wait with no worker connected before the coordinator says so (and again after each repeat). */
const NO_WORKER_MS = 3000;
const NO_WORKER_REPEAT_MS = 30_000;
const LOOKUPS = 64;

export type QueueNote =
  | { readonly kind: 'submitted'; readonly jobs: number; readonly done: number; readonly added: number; readonly queued: number }
  /** `attempted`: the job failed its last attempt on a worker (otherwise its result or data could not be used). */
  | { readonly kind: 'failed'; readonly task: ReplicateTask; readonly reason: string; readonly attempted: boolean }
  | { readonly kind: 'disconnected' }
  | { readonly kind: 'reconnected' }
  | { readonly kind: 'requeued'; readonly jobs: number }
  | { readonly kind: 'no-worker'; readonly waiting: number };

export interface ReplicateFailure {
  readonly task: ReplicateTask;
  readonly reason: string;
}

export class QueueSession implements RemoteRunner {
  readonly failures: ReplicateFailure[] = [];
  private readonly connections: Redis[] = [];
  private readonly queue: Queue;
  private readonly events: QueueEvents;
  private closing = false;
  private readonly repairs = new Set<Promise<void>>();

  private constructor(
    readonly url: QueueUrl,
    private readonly onNote: (note: QueueNote) => void,
  ) {
    const connection = this.connect();
    this.queue = new Queue(QUEUE_NAME, { connection });
    // QueueEvents blocks on its connection: it needs one of its own.
    this.events = new QueueEvents(QUEUE_NAME, { connection: this.connect() });
    // Unheard, BullMQ prints each failed reconnection with its stack; the 'disconnected' note says it once.
    this.queue.on('error', () => undefined);
    this.events.on('error', () => undefined);
    let lost = false;
    connection.on('close', () => {
      if (!lost && !this.closing) onNote({ kind: 'disconnected' });
      lost = true;
    });
    connection.on('ready', () => {
      if (lost) onNote({ kind: 'reconnected' });
      lost = false;
    });
  }

  /** A session on `url`, once Redis has answered (else a usage error, before any work). */
  static async open(url: QueueUrl, onNote: (note: QueueNote) => void): Promise<QueueSession> {
    await checkReachable(url);
    const session = new QueueSession(url, onNote);
    await session.events.waitUntilReady();
    return session;
  }

  private connect(): Redis {
    const connection = queueConnection(this.url);
    this.connections.push(connection);
    return connection;
  }

  async run(tasks: readonly ReplicateTask[], controls: PoolControls): Promise<ReplicateOutcome[]> {
    const byJob = new Map<string, ReplicateTask[]>();
    for (const task of tasks) {
      const id = jobId(task);
      byJob.set(id, [...(byJob.get(id) ?? []), task]);
    }
    const pending = new Set(byJob.keys());
    const outcomes: ReplicateOutcome[] = [];
    // Once this run has returned (stopped), a lookup still under way must not hand anything over.
    let over = false;
    let finish = () => undefined as void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const settle = () => {
      if (pending.size === 0 || controls.signal?.aborted) finish();
    };

    const deliver = (id: string, returned: unknown) => {
      if (over || !pending.has(id)) return;
      const tasks = byJob.get(id)!;
      const checked = readResult(returned, tasks[0]!);
      if ('reason' in checked) {
        // Removed, so the same command run again computes it afresh instead of meeting it again.
        this.forget(id, tasks[0]!);
        return fail(id, checked.reason, false);
      }
      pending.delete(id);
      // A job serves every replicate that asked for it: each gets its own place in the batch.
      for (const task of tasks) {
        const mine = { ...checked.outcome, id: task.id, seed: task.seed };
        outcomes.push(mine);
        controls.onOutcome?.(mine);
      }
      settle();
    };
    const fail = (id: string, reason: string, attempted = true) => {
      if (over || !pending.delete(id)) return;
      for (const task of byJob.get(id)!) {
        this.failures.push({ task, reason });
        this.onNote({ kind: 'failed', task, reason, attempted });
      }
      settle();
    };
    const onCompleted = ({ jobId: id, returnvalue }: { jobId: string; returnvalue: unknown }) => deliver(id, returnvalue);
    const onFailed = ({ jobId: id, failedReason }: { jobId: string; failedReason: string }) => fail(id, failedReason);
    this.events.on('completed', onCompleted);
    this.events.on('failed', onFailed);
    const onAbort = () => finish();
    controls.signal?.addEventListener('abort', onAbort, { once: true });

    /** Looks up each awaited job: takes finished results, reports final failures, enqueues what is missing. */
    const reconcile = async (first: boolean) => {
      const missing: string[] = [];
      let done = 0;
      let queued = 0;
      const ids = [...pending];
      // Looked up LOOKUPS at a time: thousands of jobs one by one would take seconds of round trips.
      const found: { id: string; job: Job | undefined; state: string }[] = [];
      for (let start = 0; start < ids.length; start += LOOKUPS) {
        found.push(
          ...(await Promise.all(
            ids.slice(start, start + LOOKUPS).map(async (id) => {
              try {
                // The state first, then the job: a job that completes in between is read with its
                // result (read the other way round it could be 'completed' with none yet).
                const state = await this.queue.getJobState(id);
                const job = state === 'unknown' ? undefined : await Job.fromId(this.queue, id);
                return { id, job, state: job ? state : 'unknown' };
              } catch (error) {
                // Its data is not JSON (written by something else): it would stall for ever. Anything
                // else (Redis gone) is for the next look.
                if (!(error instanceof SyntaxError)) throw error;
                return { id, job: undefined, state: 'unreadable' };
              }
            }),
          )),
        );
      }
      for (const { id, job, state } of found) {
        if (state === 'unreadable') {
          this.forget(id, byJob.get(id)![0]!);
          fail(id, 'the job on the queue cannot be read: its data is not JSON', false);
        } else if (job && state === 'completed') {
          done++;
          deliver(id, job.returnvalue);
        } else if (job && state === 'failed') {
          // A failure left from an earlier run is tried afresh; one from this run is final.
          if (first) await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
          else fail(id, job.failedReason);
        } else if (!job || state === 'unknown') missing.push(id);
        else queued++;
      }
      if (missing.length > 0) {
        await this.queue.addBulk(
          missing.map((id) => ({
            name: 'replicate',
            data: jobData(byJob.get(id)![0]!),
            opts: { jobId: id, attempts: ATTEMPTS, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: { age: KEEP_SECONDS }, removeOnFail: { age: KEEP_SECONDS } },
          })),
        );
      }
      if (first) this.onNote({ kind: 'submitted', jobs: byJob.size, done, added: missing.length, queued });
      else if (missing.length > 0) this.onNote({ kind: 'requeued', jobs: missing.length });
    };

    // Jobs nobody takes wait silently for ever: say so when no worker is connected.
    let watchdog: NodeJS.Timeout | undefined;
    const watchWorkers = (delay: number) => {
      watchdog = setTimeout(() => {
        const again = () => !over && pending.size > 0 && watchWorkers(NO_WORKER_REPEAT_MS);
        this.queue
          .getWorkers()
          .then((workers) => {
            if (!over && pending.size > 0 && workers.length === 0) this.onNote({ kind: 'no-worker', waiting: pending.size });
          })
          .then(again, again);
      }, delay);
    };
    let timer: NodeJS.Timeout | undefined;
    const tick = () => {
      timer = setTimeout(() => {
        const again = () => !over && pending.size > 0 && tick();
        reconcile(false).then(again, again);
      }, RECONCILE_MS);
    };
    try {
      await reconcile(true);
      settle();
      if (pending.size > 0) {
        tick();
        watchWorkers(NO_WORKER_MS);
      }
      await finished;
    } finally {
      over = true;
      clearTimeout(timer);
      clearTimeout(watchdog);
      this.events.off('completed', onCompleted);
      this.events.off('failed', onFailed);
      controls.signal?.removeEventListener('abort', onAbort);
    }
    return outcomes;
  }

  /**
   * Removes a job whose result or data could not be used, so that a re-run enqueues it afresh. A
   * job a worker holds cannot be removed (a worker that could not read it holds it until its lock
   * expires): its data is written back as this coordinator would have enqueued it instead, so
   * that the next worker to take it runs it.
   */
  private forget(id: string, task: ReplicateTask): void {
    const repair = async () => {
      if ((await this.queue.remove(id)) === 1) return;
      // Only a job that is there: a hash of its own would look like a job to BullMQ, which would then never add it.
      const key = this.queue.toKey(id);
      if ((await this.connections[0]!.exists(key)) === 1) await this.connections[0]!.hset(key, 'data', JSON.stringify(jobData(task)));
    };
    const repairing = repair().catch(() => undefined);
    this.repairs.add(repairing);
    void repairing.then(() => this.repairs.delete(repairing));
  }

  async close(): Promise<void> {
    // Removals and repairs under way finish first: a re-run must find them done.
    await Promise.all(this.repairs);
    this.closing = true;
    await Promise.allSettled([this.events.close(), this.queue.close()]);
    for (const connection of this.connections) connection.disconnect();
  }
}

/** A job's returned value as an outcome of `task`, or why it cannot be one. */
function readResult(returned: unknown, task: ReplicateTask): { outcome: ReplicateOutcome } | { reason: string } {
  let decoded: unknown;
  try {
    decoded = outcomeFrom(returned);
  } catch {
    return { reason: "the worker's result is not JSON" };
  }
  if (decoded === undefined) return { reason: 'the worker returned no result' };
  return checkOutcome(decoded, task);
}
