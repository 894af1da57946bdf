#!/usr/bin/env node
/**
 * Rebuilds dist/ with tsc only when a source or build setting is newer than the last build, so
 * `npm start` starts at once on an unchanged clone (a full type check takes seconds).
 * `--always` builds regardless (npm run build).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// Written after every successful build (tsc leaves its own build info untouched when nothing changed).
const stamp = path.join(root, 'dist', '.built');

function newest(entry) {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((latest, name) => Math.max(latest, newest(path.join(entry, name))), stats.mtimeMs);
}

let built = 0;
try {
  built = statSync(stamp).mtimeMs;
} catch {
  built = 0;
}
const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'].map((name) => path.join(root, name));
// --always: build whatever the stamps say (npm run build, npm ci's prepare).
if (process.argv.includes('--always') || inputs.some((input) => newest(input) > built)) {
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
