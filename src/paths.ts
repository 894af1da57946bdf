/** Where livesim's own files are, whether it runs from src/ (tests) or dist/ (the built CLI). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root: the directory holding package.json and scenarios/. */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

export const PRESETS_DIR = path.join(PACKAGE_ROOT, 'scenarios');

export const VERSION: string = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** A path as a person in `cwd` would type it: relative when inside, absolute otherwise. */
export function displayPath(absolute: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, absolute);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}
