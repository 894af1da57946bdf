/**
 * What the coordinator accepts from a worker. A result on the queue is data anyone with access
 * to Redis could have written, so before it is counted it must have the shape of a replicate's
 * outcome (a zod type), belong to the replicate asked for (scenario hash and seed), have run to
 * its end, carry every headline metric as a finite number, and keep its books: the ledger's
 * parts add up to its GMV to the fen. Anything else is a failed replicate, with the reason.
 */
import { z } from 'zod';
import { LEDGER_PARTS } from '../../model/money/flows.js';
import { HEADLINE_METRICS } from '../batch/batch-statistics.js';
import type { ReplicateOutcome, ReplicateTask } from '../batch/replicate-task.js';

/** Any number, NaN and the infinities included (a target measured on an empty period can be NaN). */
const anyNumber = z.custom<number>((value) => typeof value === 'number', { message: 'expected a number' });

const outcomeSchema = z.object({
  id: z.number().int(),
  seed: z.number(),
  summary: z.looseObject({
    scenario: z.string(),
    seed: z.number(),
    scenarioHash: z.string(),
    complete: z.literal(true, { message: 'expected a replicate run to its end' }),
    livesimVersion: z.string(),
    simulated: z.object({ start: z.string(), end: z.string(), reached: z.string() }),
    engine: z.object({ fidelity: z.enum(['agent', 'cohort']), events: z.number().int().min(0) }),
    metrics: z.record(z.string(), z.number()),
    ledger: z.object({ gmv: z.number(), parts: z.record(z.enum(LEDGER_PARTS), z.number()) }),
    sellers: z.looseObject({ dropped: z.array(z.unknown()), broadcastsAtALoss: z.number(), lossFromBroadcasts: z.number(), shops: z.array(z.unknown()) }),
  }),
  targetValues: z.array(anyNumber),
  months: z
    .object({
      columns: z.array(z.string()),
      rows: z.array(z.object({ period: z.string(), days: z.number(), values: z.record(z.string(), anyNumber) })),
    })
    .optional(),
  wallSeconds: z.number().min(0),
});

/** The outcome when `value` is a valid result of `task`, or why it is not. */
export function checkOutcome(value: unknown, task: ReplicateTask): { outcome: ReplicateOutcome } | { reason: string } {
  const parsed = outcomeSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { reason: `the worker's result is not a replicate's outcome: ${issue.path.join('.') || '(the whole result)'}: ${issue.message}` };
  }
  const outcome = parsed.data as unknown as ReplicateOutcome;
  const { summary } = outcome;
  if (summary.scenarioHash !== task.hash || summary.seed !== task.seed) return { reason: "the worker's result is for another replicate (its scenario hash or seed differ)" };
  const missing = HEADLINE_METRICS.find((name) => !(name in summary.metrics));
  if (missing !== undefined) return { reason: `the worker's result lacks the metric ${missing}` };
  const partsInFen = LEDGER_PARTS.reduce((sum, part) => sum + Math.round((summary.ledger.parts[part] ?? Number.NaN) * 100), 0);
  if (partsInFen !== Math.round(summary.ledger.gmv * 100)) return { reason: "the worker's result does not keep its books: the ledger's parts do not add up to its GMV" };
  const figures = task.keep.targets ? task.scenario.targets.length + task.scenario.validation.length : 0;
  if (outcome.targetValues.length !== figures) return { reason: `the worker's result has ${outcome.targetValues.length} target values for ${figures} figures` };
  if (Boolean(task.keep.months) !== (outcome.months !== undefined)) return { reason: `the worker's result ${task.keep.months ? 'lacks' : 'has'} the months` };
  return { outcome };
}
