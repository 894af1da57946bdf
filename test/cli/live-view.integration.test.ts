/**
 * Every preset is watchable and stoppable: run in a pseudo-terminal (util-linux `script`), a
 * national-scale cohort preset draws several distinct frames, and `q` stops it with what was
 * computed kept and marked incomplete.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { temporaryDirectory } from '../helpers.js';

const BINARY = path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');

/** Text of the dashboard's header lines (simulated date and progress), one per frame drawn. */
function headerLines(screen: string): string[] {
  const plain = screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  return [...plain.matchAll(/livesim national-agri[^\n]*\d{4}-\d{2}-\d{2} \d{2}:\d{2}/g)].map((match) => match[0]);
}

describe('the live view in a terminal', () => {
  it('shows national-agri advancing frame by frame, and q stops it with complete: false', async () => {
    const dir = temporaryDirectory();
    const command = `stty cols 80 rows 24; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BINARY)} run national-agri --out out`;
    // No CI variable at all: Ink draws only the last frame when one is set, even empty.
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', NO_COLOR: '' };
    delete env.CI;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: dir, env });
    let screen = '';
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const sawFrames = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        screen += chunk.toString('utf8');
        if (new Set(headerLines(screen)).size >= 3) resolve();
      });
      // A run that draws no frames before it ends fails below instead of hanging.
      void closed.then(() => resolve());
    });
    await sawFrames;
    child.stdin.write('q');
    const code = await closed;
    expect(code).toBe(0);
    expect(new Set(headerLines(screen)).size).toBeGreaterThanOrEqual(3);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out', 'manifest.json'), 'utf8'));
    expect(manifest.complete).toBe(false);
  }, 60_000);
});
