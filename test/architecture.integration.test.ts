/**
 * The layers are enforced: `npm run lint` runs dependency-cruiser with .dependency-cruiser.cjs,
 * which refuses an import pointing up the layers and a cycle between files. Here the same config
 * meets a small tree that breaks each rule once, and the real tree, which breaks none.
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
  it('refuse an import that points up the layers (the engine reaching for the command line)', () => {
    const result = cruise(tree({ 'src/engine/clock.ts': "import { main } from '../cli/main.js';\nexport const clock = main;\n", 'src/cli/main.ts': 'export const main = 1;\n' }));
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain('layer-engine');
    expect(result.stdout).toContain('src/engine/clock.ts → src/cli/main.ts');
  });

  it('refuse a cycle between files, even through types only', () => {
    const runtime = cruise(tree({ 'src/model/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n", 'src/model/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n" }));
    expect(runtime.status).not.toBe(0);
    expect(runtime.stdout).toContain('no-circular');
    const types = cruise(tree({ 'src/model/a.ts': "import type { B } from './b.js';\nexport interface A { b?: B }\n", 'src/model/b.ts': "import type { A } from './a.js';\nexport interface B { a?: A }\n" }));
    expect(types.status).not.toBe(0);
    expect(types.stdout).toContain('no-cycle-through-types');
  });

  it('let an import point down, and pass the real tree (its known cycles through types listed apart)', () => {
    expect(cruise(tree({ 'src/cli/main.ts': "import { clock } from '../engine/clock.js';\nexport const main = clock;\n", 'src/engine/clock.ts': 'export const clock = 1;\n' })).status).toBe(0);
    const real = cruise(PACKAGE_ROOT, '--ignore-known');
    expect(real.status, real.stdout).toBe(0);
  });
});
