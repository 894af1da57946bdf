/**
 * A run directory's manifest.json: what the run was (kind, scenario and hash, seeds, where it came
 * from), whether it finished, its headline numbers and its files. One zod type writes and reads it,
 * so a broken or foreign manifest is reported, never half-read.
 */
import path from 'node:path';
import { z } from 'zod';
import { UsageError } from '../../errors.js';
import { parseJsonFile, readRegularFile } from '../../files/safe-read.js';
import { VERSION } from '../../paths.js';
import { printable } from '../../printable.js';
import { MANIFEST, jsonText } from './run-layout.js';

/** Stored text shown on terminals (livesim runs, errors): control sequences removed as it is read. */
const text = () => z.string().transform(printable);

const manifestSchema = z.looseObject({
  livesimVersion: text(),
  kind: z.enum(['run', 'replicates', 'compare', 'sweep', 'check', 'sensitivity', 'uncertainty']),
  complete: z.boolean(),
  scenario: text(),
  scenarioHash: text(),
  seed: z.number(),
  replicates: z.number().int().min(0),
  /** The replicate seeds of a batch, in replicate order. */
  seeds: z.array(z.number()).optional(),
  /** A sweep's number of cases. */
  cases: z.number().int().optional(),
  sources: z.object({ files: z.array(text()), overrides: z.array(text()) }),
  createdAt: text(),
  wallSeconds: z.number(),
  headline: z.object({ gmv: z.number(), farmerRevenue: z.number(), reached: text().optional() }),
  files: z.array(z.string()),
  /** Replicates that failed on a job queue and are missing from the results. */
  failed: z
    .array(
      z.object({
        /** The replicate's place in the batch (a sweep's or design's: case or point × replicates + replicate). */
        position: z.number().int(),
        seed: z.number(),
        scenarioHash: text(),
        reason: text(),
      }),
    )
    .optional(),
  resolvedScenario: z.unknown(),
});

export type Manifest = z.output<typeof manifestSchema>;

/** What a command says of its run; the version, the times and any failed replicates are filled in here. */
export type ManifestFields = Pick<Manifest, 'kind' | 'complete' | 'scenario' | 'scenarioHash' | 'seed' | 'replicates' | 'seeds' | 'cases' | 'sources' | 'headline' | 'files' | 'resolvedScenario'> & {
  readonly createdAt: Date;
  readonly wallSeconds: number;
  /** The queue the replicates ran on, if any (a RemoteRunner): its failed replicates are listed. */
  readonly remote?: { readonly failures: readonly QueueFailure[] } | undefined;
};

/** A replicate that failed on the queue, as the manifest lists it. */
interface QueueFailure {
  readonly task: { readonly id: number; readonly seed: number; readonly hash: string };
  readonly reason: string;
}

/** The manifest's text, as written (manifest.json, last of a run's files), its fields in one order for every kind. */
export function manifestText(fields: ManifestFields): string {
  const { kind, complete, scenario, scenarioHash, seed, replicates, seeds, cases, sources, headline, files, resolvedScenario, remote } = fields;
  const failures = remote?.failures ?? [];
  const manifest: Manifest = {
    livesimVersion: VERSION,
    kind,
    complete,
    scenario,
    scenarioHash,
    seed,
    replicates,
    ...(seeds === undefined ? {} : { seeds }),
    ...(cases === undefined ? {} : { cases }),
    sources,
    createdAt: fields.createdAt.toISOString(),
    wallSeconds: Math.round(fields.wallSeconds * 1000) / 1000,
    headline,
    files,
    ...(failures.length === 0 ? {} : { failed: failures.map(({ task, reason }) => ({ position: task.id, seed: task.seed, scenarioHash: task.hash, reason })) }),
    resolvedScenario,
  };
  return jsonText(manifest);
}

/** The manifest of `directory`, or a usage error saying what is wrong with it (never what it holds). */
export function readManifest(directory: string): Manifest {
  const file = path.join(directory, MANIFEST);
  const value = parseJsonFile(readRegularFile(file) ?? '', file);
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${file} is not a livesim manifest: ${issue.path.join('.') || '(the whole file)'}: ${issue.message}`, 'it may come from another version of livesim, or be damaged: run the batch again');
  }
  return parsed.data;
}
