/**
 * The layers are enforced: `npm run lint` runs dependency-cruiser with .dependency-cruiser.cjs,
 * which refuses an import pointing up the layers and a cycle between files (lint runs it on the
 * real tree). Here the same config meets a small tree that breaks each rule once.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/paths.js';
import { temporaryDirectory } from './helpers.js';

const DEPCRUISE = path.join(PACKAGE_ROOT, 'node_modules', '.bin', 'depcruise');
const CONFIG = path.join(PACKAGE_ROOT, '.dependency-cruiser.cjs');
const cruise = (cwd: string, ...extra: string[]) => spawnSync(DEPCRUISE, ['src', '--config', CONFIG, '--output-type', 'err', ...extra], { cwd, encoding: 'utf8' });

/** A tree with the given files (path → text) and the tsconfig the config reads. */
function tree(files: Record<string, string>): string {
  const root = temporaryDirectory();
  writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('the layer rules', () => {
  // One tree that breaks each rule once, and keeps it once: a single cruise (each takes seconds).
  const broken = cruise(
    tree({
      // Up the layers: the engine reaching for the command line.
      'src/engine/clock.ts': "import { main } from '../cli/main.js';\nexport const clock = main;\n",
      'src/cli/main.ts': 'export const main = 1;\n',
      // Down the layers: allowed.
      'src/cli/run.ts': "import { tick } from '../engine/tick.js';\nexport const run = tick;\n",
      'src/engine/tick.ts': 'export const tick = 1;\n',
      // A cycle at run time, and one through types only.
      'src/model/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'src/model/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
      'src/model/c.ts': "import type { D } from './d.js';\nexport interface C { d?: D }\n",
      'src/model/d.ts': "import type { C } from './c.js';\nexport interface D { c?: C }\n",
    }),
  );

  it('refuse an import that points up the layers (the engine reaching for the command line), and let one point down', () => {
    expect(broken.status).not.toBe(0);
    expect(broken.stdout).toMatch(/layer-engine: src\/engine\/clock\.ts → src\/cli\/main\.ts/);
    expect(broken.stdout).not.toContain('src/cli/run.ts →');
  });

  it('refuse a cycle between files, even through types only', () => {
    expect(broken.stdout).toMatch(/no-circular: src\/model\/[ab]\.ts/);
    expect(broken.stdout).toMatch(/no-cycle-through-types: src\/model\/[cd]\.ts/);
  });
});
