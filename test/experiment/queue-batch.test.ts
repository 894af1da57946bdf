/**
 * One batch on the queue, against a stand-in for BullMQ whose worker answers every job as soon as
 * it is enqueued (the queue integration test has the real Redis and workers).
 */
import { EventEmitter } from 'node:events';
import type { Queue, QueueEvents } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { runReplicateTask } from '../../src/experiment/batch/replicate-task.js';
import { replicateTasks } from '../../src/experiment/batch/replicates.js';
import { QueueBatch, type BatchNote, type BatchSession } from '../../src/experiment/queue/queue-batch.js';
import { encodeOutcome } from '../../src/experiment/queue/queue-jobs.js';
import { loadValue, tinyScenario } from '../helpers.js';

/** A session whose queue has no job yet, and whose worker completes each job it is given with `answer` (undefined: never). */
function answeringQueue(answer: string | undefined) {
  const events = new EventEmitter();
  const enqueued: string[] = [];
  const notes: BatchNote[] = [];
  const forgotten: string[] = [];
  const queue = {
    getJobState: async () => 'unknown',
    getWorkers: async () => [],
    addBulk: async (jobs: { opts: { jobId: string } }[]) => {
      for (const { opts } of jobs) {
        enqueued.push(opts.jobId);
        if (answer !== undefined) setImmediate(() => events.emit('completed', { jobId: opts.jobId, returnvalue: answer }));
      }
      return [];
    },
  };
  const session: BatchSession = { queue: queue as unknown as Queue, events: events as unknown as QueueEvents, failures: [], onNote: (note) => notes.push(note), forget: (id) => forgotten.push(id) };
  return { session, enqueued, notes, forgotten };
}

describe('a batch on the queue', () => {
  // Two replicates with the same seed: one job serves both.
  const tasks = replicateTasks(loadValue(tinyScenario()), [42, 42]);

  it('enqueues one job for replicates that ask for the same one, and gives each its own place in the batch', async () => {
    const { session, enqueued, notes } = answeringQueue(encodeOutcome(await runReplicateTask(tasks[0]!)));
    const outcomes = await new QueueBatch(session, tasks, {}).run();
    expect(enqueued).toHaveLength(1);
    expect(notes).toEqual([{ kind: 'submitted', jobs: 1, done: 0, added: 1, queued: 0 }]);
    expect(outcomes.map((outcome) => [outcome.id, outcome.seed])).toEqual([
      [0, 42],
      [1, 42],
    ]);
    expect(session.failures).toEqual([]);
  });

  it('fails every replicate of a job whose result cannot be used, and forgets the job so that a re-run computes it afresh', async () => {
    const { session, enqueued, notes, forgotten } = answeringQueue('{}');
    expect(await new QueueBatch(session, tasks, {}).run()).toEqual([]);
    expect(forgotten).toEqual(enqueued);
    expect(session.failures.map(({ task }) => task.id)).toEqual([0, 1]);
    expect(notes.filter((note) => note.kind === 'failed')).toEqual(
      tasks.map((task) => ({ kind: 'failed', task, reason: expect.stringMatching(/not a replicate's outcome/), attempted: false })),
    );
  });

  it('stops waiting as soon as it is stopped', async () => {
    const { session, notes } = answeringQueue(undefined);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 20);
    expect(await new QueueBatch(session, tasks, { signal: stop.signal }).run()).toEqual([]);
    expect(notes.map((note) => note.kind)).toEqual(['submitted']);
  });
});
