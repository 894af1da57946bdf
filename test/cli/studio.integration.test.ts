/**
 * The studio in a real terminal of 80x24 (a tmux window on a server of its own): on demo-county,
 * stepping the guest anchor's welfare commission shows a change in the farmers' gain whose
 * interval narrows over at least three frames, and q gives the terminal back.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { temporaryDirectory } from '../helpers.js';

const BINARY = path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');
const SERVER = `livesim-studio-${process.pid}`;
const tmux = (...args: string[]) => spawnSync('tmux', ['-L', SERVER, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', 'studio').stdout;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The farmers' gain row's interval, as drawn: `[+5.5, +6.5%]` → its width in points. */
function gainInterval(frame: string): { text: string; width: number } | undefined {
  const match = /farmers’ gain\s+[+-][\d.]+% \[([+-][\d.]+), ([+-][\d.]+)%\]/.exec(frame);
  return match ? { text: match[0], width: Number(match[2]) - Number(match[1]) } : undefined;
}

afterEach(() => void tmux('kill-server'));

describe('livesim studio in a terminal of 80x24', () => {
  it('narrows the farmers’ gain change frame by frame as pairs finish, and q gives the terminal back', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', NO_COLOR: '1' };
    delete env.CI;
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BINARY)} studio demo-county --replicates 8; echo "studio exited $?"; sleep 30`;
    const started = spawnSync('tmux', ['-L', SERVER, 'new-session', '-d', '-s', 'studio', '-x', '80', '-y', '24', '-c', temporaryDirectory(), command], { env, encoding: 'utf8' });
    expect(started.status, started.stderr).toBe(0);
    for (let tries = 0; tries < 100 && !screen().includes('platform taobao'); tries++) await pause(50);
    // The guest anchor's welfare commission is the fourth parameter: down three, then a step down.
    for (const key of ['Down', 'Down', 'Down', '-']) tmux('send-keys', '-t', 'studio', key);
    const frames: { text: string; width: number }[] = [];
    for (let tries = 0; tries < 400 && !screen().includes('8/8 pairs'); tries++) {
      const interval = gainInterval(screen());
      if (interval && interval.text !== frames.at(-1)?.text) frames.push(interval);
      await pause(25);
    }
    const last = screen();
    expect(last).toContain('anchors.guest-star.commission.welfareRate');
    expect(last.split('\n').every((line) => line.length <= 80)).toBe(true);
    expect(frames.length, frames.map((frame) => frame.text).join('\n')).toBeGreaterThanOrEqual(3);
    expect(frames.at(-1)!.width).toBeLessThan(frames[0]!.width);
    tmux('send-keys', '-t', 'studio', 'q');
    for (let tries = 0; tries < 100 && !screen().includes('studio exited'); tries++) await pause(50);
    const after = screen();
    expect(after).toContain('studio exited 0');
    // The screen is cleared: nothing of the studio is left above the shell's line.
    expect(after).not.toContain('baseline vs tweak');
  }, 60_000);
});
