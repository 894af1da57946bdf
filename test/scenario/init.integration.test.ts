/** `livesim init`: a scenario to edit that keeps the preset's comments and sources, named after its file. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PACKAGE_ROOT, PRESETS_DIR } from '../../src/paths.js';
import { initScenarioText } from '../../src/scenario/init-scenario.js';
import { loadScenario } from '../../src/scenario/load.js';
import { temporaryDirectory } from '../helpers.js';

const preset = path.join(PRESETS_DIR, 'weiya-welfare.yaml');
const presetText = readFileSync(preset, 'utf8');
const comments = (text: string) => text.split('\n').filter((line) => line.trim().startsWith('#'));

describe('a scenario started from a preset', () => {
  const target = path.join(temporaryDirectory(), 'deep', 'er', 'my-county.yaml');
  const text = initScenarioText(presetText, preset, target);
  const value = parse(text) as Record<string, unknown>;

  it("keeps every comment of the preset (its sources among them) and adds two of its own", () => {
    expect(comments(text)).toEqual(expect.arrayContaining(comments(presetText)));
    expect(comments(text).length).toBe(comments(presetText).length + 2);
    expect(text).toContain('source: "the article (docs/sources.md): 560 million yuan sold');
  });

  it('is named after its file, and its $schema resolves from where the file is', () => {
    expect(value.name).toBe('my-county');
    expect(existsSync(path.resolve(path.dirname(target), value.$schema as string))).toBe(true);
  });

  it('loads to the preset itself apart from its name', () => {
    mkdirSync(path.dirname(target), { recursive: true });
    const written = path.join(path.dirname(target), 'written.yaml');
    writeFileSync(written, initScenarioText(presetText, preset, written));
    const mine = loadScenario(written).scenario;
    const theirs = loadScenario('weiya-welfare').scenario;
    expect({ ...mine, name: theirs.name }).toEqual(theirs);
  });
});

describe('a scenario started from a file that extends', () => {
  it('keeps a preset named in extends as it is, and re-points a path', () => {
    const byName = initScenarioText('extends: demo-county\nname: child\n', '/x/a/child.yaml', '/x/b/new.yaml');
    expect(parse(byName).extends).toBe('demo-county');
    const byPath = initScenarioText('extends: ./base.yaml\nname: child\n', '/x/a/child.yaml', '/x/b/new.yaml');
    expect(parse(byPath).extends).toBe('../a/base.yaml');
  });
});

describe('livesim init (built binary)', () => {
  const livesim = (args: string[], cwd: string) => spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('writes a file that validates, and will not replace one without --force', () => {
    const dir = temporaryDirectory();
    expect(livesim(['init', 'mine.yaml'], dir)).toMatchObject({ status: 0, stdout: expect.stringContaining('wrote mine.yaml (mine, from demo-county)') });
    expect(livesim(['validate', 'mine.yaml'], dir).status).toBe(0);
    expect(livesim(['init', 'mine.yaml'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('mine.yaml exists') });
    expect(livesim(['init', 'mine.yaml', '--force', '--from', 'fu-fanping'], dir).status).toBe(0);
    expect(livesim(['init', 'mine.txt'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('a scenario file ends in .yaml') });
  });
});
