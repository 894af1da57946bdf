#!/usr/bin/env node
/** `npm run docs`: rewrites docs/cli.md from the built commands' own help (src/cli/cli-reference.ts). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { buildProgram } = await import(path.join(root, 'dist', 'cli', 'program.js'));
const { cliReference } = await import(path.join(root, 'dist', 'cli', 'cli-reference.js'));
const program = await buildProgram(['node', 'livesim', '--help']);
writeFileSync(path.join(root, 'docs', 'cli.md'), cliReference(program));
