/**
 * One batch on the queue, from the first lookup to the last result: a job per replicate put on
 * the queue (or found there already, finished or not), results taken as QueueEvents say jobs
 * completed, the awaited jobs looked up every few seconds (which catches what events missed and
 * jobs that Redis lost, restarted without persistence: those are enqueued again), and a word when
 * no worker is there to take them. A job that fails its last attempt is reported and its
 * replicate left out: the run is then incomplete, never silently short.
 *
 * The events, the lookups and the two timers all read and change which jobs are still awaited
 * and whether the batch is over: a class owns that state, so each of them is a method of a few
 * lines instead of a closure over shared flags.
 */
import { Job, type Queue, type QueueEvents } from 'bullmq';
import type { ReplicateOutcome, ReplicateTask } from '../batch/replicate-task.js';
import type { PoolControls } from '../batch/worker-pool.js';
import { jobData, jobId, outcomeFrom } from './queue-jobs.js';
import { checkOutcome } from './outcome-check.js';

/** Tries per job: a replicate that throws is tried again on another worker this many times in all. */
const ATTEMPTS = 3;
/** How long finished jobs (and their results) stay for a re-run to reuse; failed ones, for a look. */
const KEEP_SECONDS = 7 * 24 * 3600;
/** How often the awaited jobs are looked up besides the events. */
const RECONCILE_MS = 3000;
/** How long jobs may wait with no worker connected before the coordinator says so (and again after each repeat). */
const NO_WORKER_MS = 3000;
const NO_WORKER_REPEAT_MS = 30_000;
/** Jobs looked up at once: thousands of jobs one by one would take seconds of round trips. */
const LOOKUPS = 64;

/** What a batch says on the way (the session adds what its connection says). */
export type BatchNote =
  | { readonly kind: 'submitted'; readonly jobs: number; readonly done: number; readonly added: number; readonly queued: number }
  /** `attempted`: the job failed its last attempt on a worker (otherwise its result or data could not be used). */
  | { readonly kind: 'failed'; readonly task: ReplicateTask; readonly reason: string; readonly attempted: boolean }
  | { readonly kind: 'requeued'; readonly jobs: number }
  | { readonly kind: 'no-worker'; readonly waiting: number };

export interface ReplicateFailure {
  readonly task: ReplicateTask;
  readonly reason: string;
}

/** What a batch uses of the session it runs in. */
export interface BatchSession {
  readonly queue: Queue;
  readonly events: QueueEvents;
  /** The session's list, kept across its batches: the command reports them once, at the end. */
  readonly failures: ReplicateFailure[];
  readonly onNote: (note: BatchNote) => void;
  /** Removes a job whose result or data could not be used, so that a re-run computes it afresh. */
  forget(id: string, task: ReplicateTask): void;
}

/** A job as a lookup found it; `unreadable`: there, but its data is not JSON. */
interface FoundJob {
  readonly id: string;
  readonly job: Job | undefined;
  readonly state: string;
}

export class QueueBatch {
  /** A job serves every replicate that asks for it (same scenario, seed and extras). */
  private readonly byJob = new Map<string, ReplicateTask[]>();
  /** Jobs whose result or final failure has not arrived. */
  private readonly pending: Set<string>;
  private readonly outcomes: ReplicateOutcome[] = [];
  /** Once the batch has returned (stopped), a lookup still under way must not hand anything over. */
  private over = false;
  /** The next lookup's and the next worker check's timers, cleared when the batch is over. */
  private readonly timers = new Set<NodeJS.Timeout>();
  private finish: () => void = () => undefined;
  private readonly finished: Promise<void>;

  constructor(
    private readonly session: BatchSession,
    tasks: readonly ReplicateTask[],
    private readonly controls: PoolControls,
  ) {
    for (const task of tasks) {
      const id = jobId(task);
      this.byJob.set(id, [...(this.byJob.get(id) ?? []), task]);
    }
    this.pending = new Set(this.byJob.keys());
    this.finished = new Promise<void>((resolve) => (this.finish = resolve));
  }

  /** The outcomes that arrived: every replicate's, unless the batch was stopped or some failed for good. */
  async run(): Promise<ReplicateOutcome[]> {
    // Listening before the first lookup: a job that completes in between is not missed.
    this.listen();
    try {
      await this.reconcile(true);
      this.settle();
      if (this.pending.size > 0) {
        this.repeat(RECONCILE_MS, RECONCILE_MS, () => this.reconcile(false));
        this.repeat(NO_WORKER_MS, NO_WORKER_REPEAT_MS, () => this.warnIfNoWorker());
      }
      await this.finished;
    } finally {
      this.over = true;
      for (const timer of this.timers) clearTimeout(timer);
      this.unlisten();
    }
    return this.outcomes;
  }

  // Fields, not methods: `off` and `removeEventListener` need the very functions given to `on`.
  private readonly onCompleted = ({ jobId: id, returnvalue }: { jobId: string; returnvalue: unknown }) => this.deliver(id, returnvalue);
  private readonly onFailed = ({ jobId: id, failedReason }: { jobId: string; failedReason: string }) => this.fail(id, failedReason);
  private readonly onAbort = () => this.finish();

  private listen(): void {
    this.session.events.on('completed', this.onCompleted);
    this.session.events.on('failed', this.onFailed);
    this.controls.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  private unlisten(): void {
    this.session.events.off('completed', this.onCompleted);
    this.session.events.off('failed', this.onFailed);
    this.controls.signal?.removeEventListener('abort', this.onAbort);
  }

  /** Still waiting for something: neither over nor every job accounted for. */
  private awaiting(): boolean {
    return !this.over && this.pending.size > 0;
  }

  /** Ends the wait once every job is accounted for, or as soon as the batch is stopped. */
  private settle(): void {
    if (this.pending.size === 0 || this.controls.signal?.aborted) this.finish();
  }

  /** The task a job's data is made from: the replicates it serves differ only in their place in the batch. */
  private firstTask(id: string): ReplicateTask {
    return this.byJob.get(id)![0]!;
  }

  /** A completed job's result, handed to each replicate it serves; a result that cannot be used fails the job. */
  private deliver(id: string, returned: unknown): void {
    if (this.over || !this.pending.has(id)) return;
    const checked = readResult(returned, this.firstTask(id));
    if ('reason' in checked) {
      // Removed, so the same command run again computes it afresh instead of meeting it again.
      this.session.forget(id, this.firstTask(id));
      this.fail(id, checked.reason, false);
      return;
    }
    this.pending.delete(id);
    // Each replicate gets its own place in the batch.
    for (const task of this.byJob.get(id)!) {
      const mine = { ...checked.outcome, id: task.id, seed: task.seed };
      this.outcomes.push(mine);
      this.controls.onOutcome?.(mine);
    }
    this.settle();
  }

  /** A job that failed for good: its replicates are reported and left out of the outcomes. */
  private fail(id: string, reason: string, attempted = true): void {
    if (this.over || !this.pending.delete(id)) return;
    for (const task of this.byJob.get(id)!) {
      this.session.failures.push({ task, reason });
      this.session.onNote({ kind: 'failed', task, reason, attempted });
    }
    this.settle();
  }

  /**
   * Runs `action` after `delay`, then `every` after each time it settles (however it ends: Redis
   * may be gone for a while), for as long as jobs are awaited.
   */
  private repeat(delay: number, every: number, action: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const again = () => {
        if (this.awaiting()) this.repeat(every, every, action);
      };
      action().then(again, again);
    }, delay);
    this.timers.add(timer);
  }

  /** Jobs nobody takes wait silently for ever: says so when no worker is connected. */
  private async warnIfNoWorker(): Promise<void> {
    const workers = await this.session.queue.getWorkers();
    if (this.awaiting() && workers.length === 0) this.session.onNote({ kind: 'no-worker', waiting: this.pending.size });
  }

  /** Looks up each awaited job: takes finished results, reports final failures, enqueues what is missing. */
  private async reconcile(first: boolean): Promise<void> {
    const found = await lookUpJobs(this.session.queue, [...this.pending]);
    const { done, queued, missing } = await this.take(found, first);
    if (missing.length > 0) await this.enqueue(missing);
    if (first) this.session.onNote({ kind: 'submitted', jobs: this.byJob.size, done, added: missing.length, queued });
    else if (missing.length > 0) this.session.onNote({ kind: 'requeued', jobs: missing.length });
  }

  /** Acts on what a lookup found, job by job in order, and counts the jobs done, waiting and missing. */
  private async take(found: readonly FoundJob[], first: boolean): Promise<{ done: number; queued: number; missing: string[] }> {
    const missing: string[] = [];
    let done = 0;
    let queued = 0;
    for (const { id, job, state } of found) {
      if (state === 'unreadable') {
        // Written by something else: it would stall for ever.
        this.session.forget(id, this.firstTask(id));
        this.fail(id, 'the job on the queue cannot be read: its data is not JSON', false);
      } else if (job && state === 'completed') {
        done++;
        this.deliver(id, job.returnvalue);
      } else if (job && state === 'failed') {
        // A failure left from an earlier run is tried afresh; one from this run is final.
        if (first) await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        else this.fail(id, job.failedReason);
      } else if (!job || state === 'unknown') missing.push(id);
      else queued++;
    }
    return { done, queued, missing };
  }

  private async enqueue(missing: readonly string[]): Promise<void> {
    await this.session.queue.addBulk(
      missing.map((id) => ({
        name: 'replicate',
        data: jobData(this.firstTask(id)),
        opts: { jobId: id, attempts: ATTEMPTS, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: { age: KEEP_SECONDS }, removeOnFail: { age: KEEP_SECONDS } },
      })),
    );
  }
}

/** The jobs, LOOKUPS at a time. */
async function lookUpJobs(queue: Queue, ids: readonly string[]): Promise<FoundJob[]> {
  const found: FoundJob[] = [];
  for (let start = 0; start < ids.length; start += LOOKUPS) {
    found.push(...(await Promise.all(ids.slice(start, start + LOOKUPS).map((id) => lookUpJob(queue, id)))));
  }
  return found;
}

async function lookUpJob(queue: Queue, id: string): Promise<FoundJob> {
  try {
    // The state first, then the job: a job that completes in between is read with its result
    // (read the other way round it could be 'completed' with none yet).
    const state = await queue.getJobState(id);
    const job = state === 'unknown' ? undefined : await Job.fromId(queue, id);
    return { id, job, state: job ? state : 'unknown' };
  } catch (error) {
    // Its data is not JSON: 'unreadable'. Anything else (Redis gone) is for the next look.
    if (!(error instanceof SyntaxError)) throw error;
    return { id, job: undefined, state: 'unreadable' };
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
