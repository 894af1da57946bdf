/**
 * A run directory's manifest.json: what the run was (kind, scenario and hash, seeds, where it came
 * from), whether it finished, its headline numbers and its files. One zod type writes and reads it,
 * so a broken or foreign manifest is reported, never half-read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { MANIFEST, jsonText } from './run-store.js';
import type { RemoteRunner } from './worker-pool.js';

const manifestSchema = z.looseObject({
  livesimVersion: z.string(),
  kind: z.enum(['run', 'replicates', 'compare', 'sweep', 'check', 'sensitivity', 'uncertainty']),
  complete: z.boolean(),
  scenario: z.string(),
  scenarioHash: z.string(),
  seed: z.number(),
  replicates: z.number().int().min(0),
  /** The replicate seeds of a batch, in replicate order. */
  seeds: z.array(z.number()).optional(),
  /** A sweep's number of cases. */
  cases: z.number().int().optional(),
  sources: z.object({ files: z.array(z.string()), overrides: z.array(z.string()) }),
  createdAt: z.string(),
  wallSeconds: z.number(),
  headline: z.object({ gmv: z.number(), farmerRevenue: z.number(), reached: z.string().optional() }),
  files: z.array(z.string()),
  /** Replicates that failed on a job queue and are missing from the results. */
  failed: z
    .array(
      z.object({
        /** The replicate's place in the batch (a sweep's or design's: case or point × replicates + replicate). */
        position: z.number().int(),
        seed: z.number(),
        scenarioHash: z.string(),
        reason: z.string(),
      }),
    )
    .optional(),
  resolvedScenario: z.unknown(),
});

export type Manifest = z.output<typeof manifestSchema>;

/** The manifest's `failed` field: present only when replicates failed on the queue. */
export function failedReplicates(remote: RemoteRunner | undefined): Pick<Manifest, 'failed'> {
  if (!remote || remote.failures.length === 0) return {};
  return { failed: remote.failures.map(({ task, reason }) => ({ position: task.id, seed: task.seed, scenarioHash: task.hash, reason })) };
}

/** The manifest's text, as written (manifest.json, last of a run's files). */
export function manifestText(manifest: Manifest): string {
  return jsonText(manifest);
}

/** The manifest of `directory`, or a usage error saying what is wrong with it. */
export function readManifest(directory: string): Manifest {
  const file = path.join(directory, MANIFEST);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file} cannot be read as JSON: ${(error as Error).message}`, 'is this a livesim run directory? livesim runs lists them');
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${file} is not a livesim manifest: ${issue.path.join('.') || '(the whole file)'}: ${issue.message}`, 'it may come from another version of livesim, or be damaged: run the batch again');
  }
  return parsed.data;
}
