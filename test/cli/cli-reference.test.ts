/** docs/cli.md is the commands' own help: it cannot drift from them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { cliReference } from '../../src/cli/cli-reference.js';
import { buildProgram } from '../../src/cli/program.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

it('docs/cli.md is what the commands print for --help (npm run docs rewrites it)', async () => {
  const program = await buildProgram(['node', 'livesim', '--help']);
  expect(readFileSync(path.join(PACKAGE_ROOT, 'docs', 'cli.md'), 'utf8')).toBe(cliReference(program));
});
