/**
 * The coordinator's side of the queue: the connections to Redis, and a RemoteRunner that hands
 * each batch of replicates to a QueueBatch (queue-batch.ts), which puts one job per replicate on
 * the queue (or finds the job already there, finished or not), waits for the results and hands
 * them back as the local pool would, so every command writes the same run directory with or
 * without --queue. The session outlives its batches: it keeps their failures for the command to
 * report, and the removals of unusable jobs that must finish before it closes.
 */
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ReplicateOutcome, ReplicateTask } from '../batch/replicate-task.js';
import type { PoolControls, RemoteRunner } from '../batch/worker-pool.js';
import { QUEUE_NAME, jobData } from './queue-jobs.js';
import { QueueBatch, type BatchNote, type BatchSession, type ReplicateFailure } from './queue-batch.js';
import { checkReachable, queueConnection } from './redis-connection.js';
import type { QueueUrl } from './queue-url.js';

export type QueueNote = BatchNote | { readonly kind: 'disconnected' } | { readonly kind: 'reconnected' };

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

  /** One batch of its own per call (calibrate asks for one per candidate); the failures add up across them. */
  async run(tasks: readonly ReplicateTask[], controls: PoolControls): Promise<ReplicateOutcome[]> {
    const session: BatchSession = { queue: this.queue, events: this.events, failures: this.failures, onNote: this.onNote, forget: (id: string, task: ReplicateTask) => this.forget(id, task) };
    return new QueueBatch(session, tasks, controls).run();
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
