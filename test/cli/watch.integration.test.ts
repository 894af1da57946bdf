/** `livesim run <file> --watch`, as a user runs it: save a change, save a broken file, Ctrl+C. */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { tinyScenario, writeFiles } from '../helpers.js';

const BINARY = path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');

describe('run --watch', () => {
  it('runs again on a save with the paired change from the last version, and shows a broken save’s error keeping the last result', async () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    const file = path.join(dir, 'county.yaml');
    const child = spawn(process.execPath, [BINARY, 'run', 'county.yaml', '--watch', '--replicates', '2', '--jobs', '1'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const until = async (seen: () => boolean, what: string) => {
      for (let tries = 0; tries < 300 && !seen(); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
      if (!seen()) throw new Error(`never saw ${what}:\n${stdout}\n${stderr}`);
    };
    await until(() => /^v1 /m.test(stdout) && stdout.includes('ledger.intermediaryMargin'), 'the first version');
    expect(stdout).not.toContain('change from');

    writeFileSync(file, stringify(tinyScenario({ products: [{ id: 'apple', price: 46 }] })));
    await until(() => stdout.includes('change from v1'), 'the second version');
    expect(stdout).toMatch(/^\s+gmv\s+¥[\d.,k]+\s+[+-]\d+\.\d% \[/m);

    writeFileSync(file, 'name: [unclosed\n');
    await until(() => stdout.includes('does not load; still showing v2'), 'the broken save');
    await until(() => /county\.yaml:\d+:\d+/.test(stderr), 'where the file is broken');
    expect(stderr).not.toMatch(/^\s+at /m);

    child.kill('SIGINT');
    expect(await closed).toBe(0);
  }, 60_000);
});
