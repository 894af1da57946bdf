/**
 * Run directories: `runs/<scenario>-<seed>-<time>/` with manifest.json, summary.json and the
 * CSVs. Every file is written to a temporary name and renamed into place, and manifest.json is
 * written last, so a directory never holds a half-written file and a manifest means "done".
 */
import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

const LOCK = '.livesim.lock';

/**
 * Claims `dir` for a run before any work: it must be creatable, and empty unless `force` (which
 * empties a directory holding an earlier run, never one holding other files). A lock file keeps a
 * second run from writing into it at the same time. Returns the release, for when the run is written.
 */
export function claimRunDirectory(dir: string, options: { readonly force?: boolean | undefined } = {}): () => void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UsageError(`--out ${dir} is a file, not a directory`);
    const entries = readdirSync(dir);
    if (entries.includes(LOCK)) throw new UsageError(`--out ${dir}: another livesim run is writing there`, `wait for it, or remove ${path.join(dir, LOCK)} if no run is`);
    if (entries.length > 0 && !entries.includes(MANIFEST)) {
      throw new UsageError(`--out ${dir} already holds files that are not a livesim run`, 'choose a new directory, or an empty one');
    }
    if (entries.length > 0 && !options.force) {
      throw new UsageError(`--out ${dir} already holds a run`, 'choose a new directory, or pass --force to replace that run');
    }
    for (const entry of entries) rmSync(path.join(dir, entry), { recursive: true, force: true });
  } else {
    checkCreatable(dir);
  }
  mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, LOCK);
  try {
    writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
  } catch {
    throw new UsageError(`--out ${dir}: another livesim run is writing there`, 'choose another directory');
  }
  const release = () => rmSync(lock, { force: true });
  // A run that fails (or is killed by a second Ctrl+C) must not leave the directory locked.
  process.once('exit', release);
  return release;
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
