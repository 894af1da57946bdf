/** docs/sources.md declares every preset figure's role before any fit; the presets and the table agree. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { presetNames } from '../../src/scenario/presets.js';

const table = readFileSync(new URL('../../docs/sources.md', import.meta.url), 'utf8');

/** The row of docs/sources.md's split table for a figure: its cells. */
function rowOf(preset: string, id: string): string[] | undefined {
  const line = table.split('\n').find((candidate) => candidate.startsWith(`| ${preset} | \`${id}\` |`));
  return line?.split('|').map((cell) => cell.trim());
}

describe('the evidence, split before fitting', () => {
  const figures = presetNames().flatMap((preset) => {
    const { targets, validation } = loadScenario(preset).scenario;
    return [
      ...targets.map((target) => ({ preset, id: target.id, role: 'calibration', relation: '' })),
      ...validation.map((figure) => ({ preset, id: figure.id, role: 'validation', relation: figure.relation })),
    ];
  });

  it.each(figures.map((figure) => [`${figure.preset} ${figure.id}`, figure] as const))('lists %s with its role and relation', (_label, figure) => {
    const row = rowOf(figure.preset, figure.id);
    expect(row, `docs/sources.md has no row for ${figure.preset} ${figure.id}`).toBeDefined();
    expect(row![3]!.startsWith(figure.role)).toBe(true);
    expect(row![4]).toBe(figure.relation);
  });
});
