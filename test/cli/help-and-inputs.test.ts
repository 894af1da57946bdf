/**
 * What livesim says before it simulates anything: its help, the scenarios it knows (validate,
 * list, show), and bad input refused with what to do (exit 2), before any run directory is made
 * or any run started. Called as a function, in this process (./livesim.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { invokeLivesim } from '../../src/cli/invoke.js';
import { loadScenario } from '../../src/scenario/load.js';
import { tinyScenario, writeFiles } from '../helpers.js';
import { livesim } from './livesim.js';

const ANSI = /\u001b\[/;

/** What `livesim list` prints on a terminal (a stream that says it is one) in this environment. */
async function listOnTerminal(args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  let printed = '';
  const terminal = { isTTY: true, columns: 100, write: (text: string) => (printed += text) };
  await invokeLivesim(['list', ...args], { stdout: terminal, env: { ...process.env, TERM: 'xterm-256color', NO_COLOR: '', ...env } });
  return printed;
}

describe('livesim before it simulates', () => {
  it('--help lists the commands with examples and exits 0', async () => {
    const { code, stdout } = await livesim(['--help']);
    expect(code).toBe(0);
    for (const command of ['run', 'validate', 'list', 'show']) expect(stdout).toContain(command);
    expect(stdout).toContain('Examples:');
    expect((await livesim(['run', '--help'])).stdout).toContain('$ livesim run demo-county --seed 42');
  });

  it('validate says a good file is valid', async () => {
    const { code, stdout } = await livesim(['validate', 'demo-county']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ .*demo-county\.yaml is valid/);
    const json = JSON.parse((await livesim(['validate', 'demo-county', '--json'])).stdout);
    expect(json).toMatchObject({ valid: true, scenario: 'demo-county' });
  });

  it('list shows the presets with their descriptions', async () => {
    const { code, stdout } = await livesim(['list']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^demo-county\s+A poor county/m);
    expect(JSON.parse((await livesim(['list', '--json'])).stdout)).toContainEqual(expect.objectContaining({ name: 'demo-county' }));
  });

  it('show prints the resolved scenario, which loads back to the same thing', async () => {
    const { code, stdout } = await livesim(['show', 'demo-county', '--set', 'seed=99']);
    expect(code).toBe(0);
    const shown = parse(stdout);
    const loaded = loadScenario('demo-county', { overrides: ['seed=99'] });
    expect(shown).toEqual(JSON.parse(JSON.stringify(loaded.scenario)));
    expect(stdout.split('\n')[0]).toContain(loaded.hash.slice(0, 12));
  });

  it('colour only when asked for by a terminal, never with NO_COLOR or --no-color', async () => {
    expect(await listOnTerminal([])).toMatch(ANSI);
    expect(await listOnTerminal([], { NO_COLOR: '1' })).not.toMatch(ANSI);
    expect(await listOnTerminal(['--no-color'])).not.toMatch(ANSI);
    // Not a terminal (a pipe, a file): plain.
    expect((await livesim(['list'])).stdout).not.toMatch(ANSI);
  });

  it('a bad scenario: file:line:col, path, expected/found, hint; exit 2; no run directory', async () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario({ fidelity: 'agnet' }) });
    const { code, stdout, stderr } = await livesim(['run', 'county.yaml', '--out', 'out'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^county\.yaml:\d+:\d+: fidelity: not one of the allowed values$/m);
    expect(stderr).toContain('expected one of `agent`, `cohort`, found "agnet"');
    expect(stderr).toContain('hint: did you mean `agent`?');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    expect(existsSync(path.join(dir, 'runs'))).toBe(false);
  });

  it('a bad --set is bad input too', async () => {
    const { code, stderr } = await livesim(['validate', 'demo-county', '--set', 'behaviour.purchaseRate=-1']);
    expect(code).toBe(2);
    expect(stderr).toContain('--set behaviour.purchaseRate=-1: behaviour.purchaseRate: too small');
  });

  it('an unknown preset suggests the nearest one', async () => {
    const { code, stderr } = await livesim(['run', 'demo-conty']);
    expect(code).toBe(2);
    expect(stderr).toContain('did you mean `demo-county`?');
  });

  it('validate warns of parameters outside the priors; calibrate refuses bounds outside them', async () => {
    const valid = await livesim(['validate', 'demo-county', '--set', 'platforms.taobao.feeRate=0.1']);
    expect(valid.code).toBe(0);
    expect(valid.stderr).toContain('platforms.0.feeRate = 0.1 is outside the prior for platform fee rate (0-0.02)');
    const json = JSON.parse((await livesim(['validate', 'demo-county', '--json', '--set', 'platforms.taobao.feeRate=0.1'])).stdout);
    expect(json.warnings).toEqual([{ path: 'platforms.0.feeRate', message: expect.stringContaining('outside the prior') }]);
    const fit = await livesim(['calibrate', 'weiya-welfare', '--budget', '2', '--set', 'calibration.free.0.max=0.1']);
    expect(fit.code).toBe(2);
    expect(fit.stderr).toContain('outside the prior for viewer-to-buyer conversion');
  });

  it('--out that cannot be made is refused before simulating: under a file, in /proc', async () => {
    const dir = writeFiles({ 'a-file': 'not a directory' });
    for (const out of ['a-file/run', '/proc/livesim-run']) {
      const { code, stderr } = await livesim(['run', '--out', out, '-q'], { cwd: dir });
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(/--out/);
    }
    expect(readdirSync(dir)).toEqual(['a-file']);
  });

  it('absurd designs are refused with the count: replicates, sweeps, runs over the estimate', async () => {
    expect((await livesim(['run', '--replicates', '1000000000'])).code).toBe(2);
    const sweep = await livesim(['sweep', 'demo-county', '--vary', 'behaviour.purchaseRate=0..1e12:1']);
    expect(sweep.code).toBe(2);
    expect(sweep.stderr).toContain('1,000,000,000,001 values');
    const big = await livesim(['run', 'demo-county', '-q', '--set', 'anchors.li-orchard.followers=1000000000']);
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/billion events.*\n.*--force/s);
  });
});
