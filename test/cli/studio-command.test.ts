import { describe, expect, it } from 'vitest';
import { livesim } from './livesim.js';

describe('livesim studio', () => {
  it('refuses a plain terminal or a pipe with a clear message instead of a broken screen: exit 2, nothing drawn', async () => {
    const { code, stdout, stderr } = await livesim(['studio', 'demo-county']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('livesim studio needs an interactive terminal');
    expect(stderr).toContain('livesim compare demo-county demo-county --set-b');
  });

  it('refuses a scenario that does not load before anything else, as run does', async () => {
    const { code, stderr } = await livesim(['studio', 'no-such-preset']);
    expect(code).toBe(2);
    expect(stderr).toContain('no preset or file named `no-such-preset`');
    expect(stderr).not.toContain('interactive terminal');
  });
});
