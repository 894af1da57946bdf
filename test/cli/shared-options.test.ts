/** One command line: every command that runs scenarios takes the shared options, and help says each default once. */
import { spawnSync } from 'node:child_process';
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { LEFT_OUT, SCENARIO_COMMANDS, SHARED_OPTIONS } from '../../src/cli/shared-options.js';
import { completionScript } from '../../src/cli/completion.js';
import { presetNames } from '../../src/scenario/presets.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

let program: Command;
beforeAll(async () => {
  program = await buildProgram(['node', 'livesim', '--help']);
});

const command = (name: string) => program.commands.find((candidate) => candidate.name() === name)!;
const attributes = (name: string) => command(name).options.map((option) => option.attributeName());
/** --no-ui's attribute is `ui`, as the shared list names it. */
const SHARED_ATTRIBUTES: Record<string, string> = { ui: 'ui' };

describe('the shared options', () => {
  it.each(SCENARIO_COMMANDS)('%s takes every shared option it does not leave out with a reason', (name) => {
    const leftOut = LEFT_OUT.get(name) ?? {};
    for (const option of SHARED_OPTIONS) {
      const reason = leftOut[option];
      if (reason !== undefined) {
        expect(reason.length, `${name} leaves out --${option}: say why`).toBeGreaterThan(10);
        expect(attributes(name)).not.toContain(SHARED_ATTRIBUTES[option] ?? option);
      } else {
        expect(attributes(name), `${name} --${option}`).toContain(SHARED_ATTRIBUTES[option] ?? option);
      }
    }
  });

  it('the same option reads the same flag everywhere it appears', () => {
    const flagsOf = new Map<string, Set<string>>();
    for (const name of SCENARIO_COMMANDS) {
      for (const option of command(name).options) {
        if (!(SHARED_OPTIONS as readonly string[]).includes(option.attributeName())) continue;
        const flags = flagsOf.get(option.attributeName()) ?? new Set();
        flags.add(option.flags.replace(/<file>/, '<dir>'));
        flagsOf.set(option.attributeName(), flags);
      }
    }
    for (const [option, flags] of flagsOf) expect([...flags], option).toHaveLength(1);
  });

  it('calibrate and check take what other commands take (--json, --jobs, --quiet, --set)', () => {
    expect(attributes('calibrate')).toEqual(expect.arrayContaining(['json', 'jobs', 'quiet', 'set']));
    expect(attributes('check')).toEqual(expect.arrayContaining(['quiet', 'set', 'ui']));
  });
});

describe('help', () => {
  it('says each default once, and never an empty list', () => {
    for (const name of program.commands.map((candidate) => candidate.name())) {
      const help = command(name).helpInformation();
      expect(help, name).not.toContain('(default: [])');
      for (const line of help.split('\n')) expect((line.match(/default/g) ?? []).length, `${name}: ${line}`).toBeLessThanOrEqual(1);
    }
  });

  it('ends with examples, for every command', () => {
    for (const each of program.commands) {
      let text = '';
      each.configureOutput({ writeOut: (chunk) => (text += chunk) });
      each.outputHelp();
      expect(text, each.name()).toContain('Examples:');
    }
  });

});

describe('shell completion', () => {
  it('bash completes commands, a command’s options and preset names', () => {
    const script = completionScript('bash', program, presetNames());
    const complete = (words: string[]) =>
      spawnSync('bash', ['-c', `${script}\nCOMP_WORDS=(${words.join(' ')}); COMP_CWORD=${words.length - 1}; _livesim; echo "\${COMPREPLY[@]}"`], { encoding: 'utf8', cwd: PACKAGE_ROOT }).stdout.trim().split(/\s+/);
    expect(complete(['livesim', 'ca'])).toEqual(['calibrate']);
    expect(complete(['livesim', 'check', '--q'])).toEqual(['--quiet', '--queue']);
    expect(complete(['livesim', 'run', 'weiya'])).toContain('weiya-welfare');
  });

  it('zsh and fish scripts name every command and its options', () => {
    for (const shell of ['zsh', 'fish'] as const) {
      const script = completionScript(shell, program, presetNames());
      for (const name of SCENARIO_COMMANDS) expect(script, `${shell} ${name}`).toContain(name);
      expect(script).toContain('replicates');
    }
  });
});
