/**
 * The built `livesim` binary, end to end: what only a real process shows. Its help and version,
 * exit codes as a shell sees them, a reader that stops reading (`| head`), Ctrl+C. Everything
 * else the commands do is tested in this process, through the same entry point (src/cli/invoke.ts):
 * help-and-inputs, run-command and batch-commands.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, VERSION } from '../../src/paths.js';
import { temporaryDirectory, tinyScenario, writeFiles } from '../helpers.js';

const BINARY = path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');

function livesim(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [BINARY, ...args], {
    cwd: options.cwd ?? temporaryDirectory(),
    env: { ...process.env, NO_COLOR: '', CI: '', ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('livesim (built binary)', () => {
  it('is built (npm test builds it first)', () => {
    expect(existsSync(BINARY)).toBe(true);
  });

  it('bare livesim prints the help on stdout and exits 0', () => {
    const result = spawnSync(process.execPath, [BINARY], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: livesim');
    expect(result.stdout).toContain('Examples:');
    expect(result.stderr).toBe('');
  });

  it('--version prints the version', () => {
    expect(livesim(['--version']).stdout.trim()).toBe(VERSION);
  });

  it('an unknown command or option is bad usage: exit 2', () => {
    expect(livesim(['frobnicate']).code).toBe(2);
    expect(livesim(['run', '--frobnicate']).code).toBe(2);
    expect(livesim(['run', '--seed', 'many']).code).toBe(2);
  });

  it('a reader that stops reading (`| head`) ends it quietly: exit 0, nothing on stderr', async () => {
    const child = spawn(process.execPath, [BINARY, 'schema'], { cwd: temporaryDirectory(), stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader is gone before livesim writes: its first write fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('Ctrl+C stops the run, keeps what was computed marked incomplete, and exits 130', async () => {
    const dir = writeFiles({
      'long.yaml': tinyScenario({
        end: '2020-06-01',
        anchors: [{ id: 'mei', recommendedTraffic: 400_000 }],
        farmers: [{ id: 'village', households: 30, produces: [{ product: 'apple', capacity: 10_000_000 }] }],
      }),
    });
    const child = spawn(process.execPath, [BINARY, 'run', 'long.yaml', '--out', 'out', '--json'], { cwd: dir, env: { ...process.env, NO_COLOR: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const progressed = new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (stderr.includes('events/s')) resolve();
      }),
    );
    await progressed;
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('stopping');
    const summary = JSON.parse(stdout);
    expect(summary.complete).toBe(false);
    expect(summary.simulated.reached < summary.simulated.end).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, 'out', 'manifest.json'), 'utf8')).complete).toBe(false);
    expect(JSON.parse(readFileSync(path.join(dir, 'out', 'summary.json'), 'utf8')).complete).toBe(false);
  });
});
