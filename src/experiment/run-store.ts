/**
 * Run directories: `runs/<scenario>-<seed>-<time>/` with manifest.json, summary.json and the
 * CSVs. Every file is written to a temporary name and renamed into place, and manifest.json is
 * written last, so a directory never holds a half-written file and a manifest means "done".
 */
import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

export const MANIFEST = 'manifest.json';

/** JSON as the run directory's files hold it: indented, with a final newline. */
export const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Writes `content` to `file` atomically (temporary file in the same directory, then rename). */
export function writeFileAtomic(file: string, content: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

/** Checks up front (before any work) that `dir` can take a run: absent, empty, or an earlier run. */
export function checkRunDirectory(dir: string): void {
  if (!existsSync(dir)) {
    checkCreatable(dir);
    return;
  }
  if (!statSync(dir).isDirectory()) throw new UsageError(`--out ${dir} is a file, not a directory`);
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.includes(MANIFEST)) {
    throw new UsageError(`--out ${dir} already holds files that are not a livesim run`, 'choose a new directory, or an empty one');
  }
}

/** The run directory can be made: its nearest existing ancestor is a writable directory on an ordinary file system. */
function checkCreatable(dir: string): void {
  const absolute = path.resolve(dir);
  if (/^\/(proc|sys|dev)(\/|$)/.test(absolute)) throw new UsageError(`--out ${dir} is inside /${absolute.split('/')[1]}, which holds no files of ours`, 'choose a directory in your project or home');
  let ancestor = path.dirname(absolute);
  while (!existsSync(ancestor)) ancestor = path.dirname(ancestor);
  if (!statSync(ancestor).isDirectory()) throw new UsageError(`--out ${dir} lies under ${ancestor}, which is a file`, 'choose a directory that is not inside a file');
  try {
    accessSync(ancestor, constants.W_OK);
  } catch {
    throw new UsageError(`--out ${dir}: ${ancestor} is not writable`, 'choose a directory you can write to');
  }
}

/** A fresh directory name under `root` for a run of `scenario` with `seed`, started at `when`. */
export function newRunDirectory(root: string, scenario: string, seed: number, when: Date): string {
  const stamp = when.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = path.join(root, `${scenario}-${seed}-${stamp}`);
  // Scenario names are validated slugs; this makes sure no name can ever leave `root`.
  const relative = path.relative(root, base);
  if (relative.startsWith('..') || path.isAbsolute(relative) || relative.includes(path.sep)) {
    throw new UsageError(`scenario name ${JSON.stringify(scenario)} cannot name a run directory`, 'use letters, digits, dashes and underscores');
  }
  let candidate = base;
  for (let suffix = 2; existsSync(candidate); suffix++) candidate = `${base}-${suffix}`;
  return candidate;
}

/** Writes the files (manifest last) into `dir`, creating it. */
export function writeRunDirectory(dir: string, files: Readonly<Record<string, string>>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    if (name !== MANIFEST) writeFileAtomic(path.join(dir, name), content);
  }
  const manifest = files[MANIFEST];
  if (manifest !== undefined) writeFileAtomic(path.join(dir, MANIFEST), manifest);
}
