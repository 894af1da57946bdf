/**
 * Jobs on the queue: one replicate each, carrying only data (the resolved scenario, its hash, the
 * seed and what to bring back), never code. A job's id is a hash of the livesim version, the
 * scenario's hash, the seed and what it brings back, so the same replicate asked for twice (a
 * re-run, a second coordinator) is one job, and a finished one is reused. Results travel as JSON
 * that keeps NaN and the infinities, so a queued run writes the same bytes as a local one.
 */
import { createHash } from 'node:crypto';
import { VERSION } from '../../paths.js';
import type { Scenario } from '../../scenario/schema.js';
import type { ReplicateOutcome, ReplicateTask, TaskExtras } from '../batch/replicate-task.js';

/** Workers of one livesim version listen on their own queue, so no job meets a worker of another. */
export const QUEUE_NAME = `livesim-${VERSION}`;

export interface JobData {
  readonly livesimVersion: string;
  readonly scenario: Scenario;
  readonly hash: string;
  readonly seed: number;
  readonly keep: TaskExtras;
}

export function jobId(task: ReplicateTask): string {
  const identity = JSON.stringify([VERSION, task.hash, task.seed, Boolean(task.keep.targets), Boolean(task.keep.months)]);
  // A letter first: BullMQ reads an all-digit id as one of its own.
  return `r${createHash('sha256').update(identity).digest('hex').slice(0, 40)}`;
}

export function jobData(task: ReplicateTask): JobData {
  return { livesimVersion: VERSION, scenario: task.scenario, hash: task.hash, seed: task.seed, keep: task.keep };
}

const SPECIAL = '__livesim_number__';

/** An outcome as JSON text, NaN and ±Infinity kept (plain JSON would turn them into null). */
export function encodeOutcome(outcome: ReplicateOutcome): string {
  return JSON.stringify(outcome, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? { [SPECIAL]: String(value) } : value));
}

/** The JSON text of an outcome, NaN and ±Infinity restored; what it holds is checked by checkOutcome. */
export function decodeOutcome(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && SPECIAL in value ? Number((value as Record<string, string>)[SPECIAL]) : value,
  );
}

/**
 * A job's result as BullMQ hands it back: the worker's text in a 'completed' event, but parsed
 * into an object when read from the stored job. Either way it decodes to the same outcome.
 */
export function outcomeFrom(returned: unknown): unknown {
  if (typeof returned === 'string') return decodeOutcome(returned);
  if (returned !== null && typeof returned === 'object') return decodeOutcome(JSON.stringify(returned));
  return undefined;
}
