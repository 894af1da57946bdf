/**
 * `--queue [url]`, which every command that runs batches of replicates takes: the replicates go
 * to a BullMQ job queue on Redis for `livesim worker`s on any machine, and come back to be written
 * exactly as a local run writes them. Redis must answer before any work (exit 2 otherwise); what
 * happens on the way (jobs reused, Redis lost and back, a replicate that kept failing) is said on
 * stderr; failed replicates leave the run incomplete and the exit code 1.
 */
import { Option } from 'commander';
import { EXIT } from '../errors.js';
import type { QueueNote } from '../experiment/queue/queue-session.js';
import type { RemoteRunner } from '../experiment/batch/worker-pool.js';
import { currentIO, setExitCode } from './command-io.js';
import type { Terminal } from './terminal.js';

export const queueOption = () =>
  new Option('--queue [url]', 'run the replicates as jobs on a Redis queue for `livesim worker`s (redis:// or rediss://; without a URL: REDIS_URL)');

export interface QueueOptions {
  readonly queue?: string | boolean;
}

interface QueueUse {
  /** The queue to hand the replicates to, or undefined to run them here. */
  readonly remote: RemoteRunner | undefined;
  /** Closes the connections; reports failed replicates (exit code 1). */
  close(): Promise<void>;
}

/** Runs `body` with the queue when --queue was given (else with undefined: here), and closes it however `body` ends. */
export async function withQueueIfAsked<T>(options: QueueOptions, terminal: Terminal, body: (remote: RemoteRunner | undefined) => Promise<T>): Promise<T> {
  const queue = await useQueueIfAsked(options, terminal);
  try {
    return await body(queue.remote);
  } finally {
    await queue.close();
  }
}

/** Connects to the queue when --queue was given (exit 2 when Redis does not answer); otherwise nothing. */
async function useQueueIfAsked(options: QueueOptions, terminal: Terminal): Promise<QueueUse> {
  if (options.queue === undefined || options.queue === false) return { remote: undefined, close: async () => undefined };
  // BullMQ loads only for --queue: other commands start without it.
  const [{ parseQueueUrl }, { QueueSession }] = await Promise.all([import('../experiment/queue/queue-url.js'), import('../experiment/queue/queue-session.js')]);
  const url = parseQueueUrl(typeof options.queue === 'string' ? options.queue : undefined, currentIO().env);
  const session = await QueueSession.open(url, (note) => terminal.err(`${describeNote(note, url.shown)}\n`));
  return {
    remote: session,
    async close() {
      await session.close();
      if (session.failures.length > 0) {
        terminal.err(`${session.failures.length} replicate${session.failures.length === 1 ? '' : 's'} failed on the queue: the results leave them out and are marked incomplete\n`);
        // A failure, not a stop: 1, whatever the command set for its incomplete results.
        setExitCode(EXIT.failure);
      }
    },
  };
}

function describeNote(note: QueueNote, url: string): string {
  switch (note.kind) {
    case 'submitted':
      return `queue ${url}: ${note.jobs} jobs, ${note.done} already done, ${note.added} enqueued, ${note.queued} already waiting or running`;
    case 'failed':
      return `replicate ${note.task.id} (seed ${note.task.seed}) failed on the queue${note.attempted ? ' after its last attempt' : ''}: ${note.reason}`;
    case 'disconnected':
      return `lost the queue's Redis at ${url}: waiting for it to come back (Ctrl+C stops, keeping what finished)`;
    case 'reconnected':
      return `the queue's Redis at ${url} is back: carrying on`;
    case 'requeued':
      return `queue ${url}: ${note.jobs} jobs were gone from Redis (restarted?): enqueued again`;
    case 'no-worker':
      return `queue ${url}: no livesim worker is connected; ${note.waiting} jobs wait until one is. Start one here or on another machine: livesim worker --queue ${url} (Ctrl+C stops, keeping what finished)`;
  }
}
