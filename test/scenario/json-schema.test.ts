import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESETS_DIR } from '../../src/paths.js';
import { jsonSchemaText, scenarioJsonSchema } from '../../src/scenario/json-schema.js';

describe('scenarios/scenario.schema.json', () => {
  it('is what the zod schema generates (run `npm run schema` after changing the schema)', () => {
    expect(readFileSync(path.join(PRESETS_DIR, 'scenario.schema.json'), 'utf8')).toBe(jsonSchemaText());
  });

  it('documents every field with a description', () => {
    const undocumented: string[] = [];
    const visit = (node: unknown, where: string) => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      const properties = record.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [key, child] of Object.entries(properties ?? {})) {
        if (key !== 'kind' && child.description === undefined) undocumented.push(`${where}.${key}`);
      }
      for (const [key, child] of Object.entries(record)) visit(child, key === 'properties' ? where : `${where}`);
      for (const [key, child] of Object.entries(properties ?? {})) visit(child, `${where}.${key}`);
    };
    visit(scenarioJsonSchema(), '');
    expect([...new Set(undocumented)]).toEqual([]);
  });
});
