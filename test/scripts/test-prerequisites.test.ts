/** `npm test` checks the programs it needs first, and stops with the command that installs them. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { temporaryDirectory } from '../helpers.js';

const SCRIPT = path.join(PACKAGE_ROOT, 'scripts', 'test-prerequisites.mjs');

/** A PATH with node and sh only: a machine without the test's system packages. */
function barePath(): string {
  const bin = path.join(temporaryDirectory(), 'bin');
  mkdirSync(bin);
  symlinkSync(process.execPath, path.join(bin, 'node'));
  symlinkSync('/bin/sh', path.join(bin, 'sh'));
  return bin;
}

describe('npm test prerequisites', () => {
  it('on a machine without redis-server (and the rest) it stops at once with the apt-get command', () => {
    const result = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', env: { PATH: barePath() } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('redis-server (Debian package redis-server)');
    expect(result.stderr).toContain('sudo apt-get install -y bsdutils chromium redis-server redis-tools tmux');
  });

  it('names the same programs and packages as .ci/run, which installs them', () => {
    const ci = readFileSync(path.join(PACKAGE_ROOT, '.ci', 'run'), 'utf8');
    const installed = [...ci.matchAll(/command -v (\S+) .*missing\+=\((\S+)\)/g)].map(([, command, pkg]) => `${command}:${pkg}`);
    const listed = spawnSync(process.execPath, [SCRIPT, '--missing-packages'], { encoding: 'utf8', env: { PATH: barePath() } }).stdout.split(' ');
    expect(installed.map((pair) => pair.split(':')[1])).toEqual(listed);
    expect(installed).toEqual(['script:bsdutils', 'chromium:chromium', 'redis-server:redis-server', 'redis-cli:redis-tools', 'tmux:tmux']);
  });

  it('names the missing Debian packages, and nothing when all are there', () => {
    expect(spawnSync(process.execPath, [SCRIPT, '--missing-packages'], { encoding: 'utf8', env: { PATH: barePath() } }).stdout).toBe('bsdutils chromium redis-server redis-tools tmux');
    // This machine runs the suite, so it has them all.
    expect(spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' }).status).toBe(0);
  });
});
