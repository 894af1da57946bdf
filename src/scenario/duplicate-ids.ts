/**
 * Ids repeated within one list of one file. The schema finds them in the merged scenario, but
 * an extending file's list is merged into what it extends item by item, by id, so two entries
 * with the same id there would silently become one: each file is checked on its own first.
 */
import type { ScenarioProblem } from '../errors.js';
import { isPlainObject } from './plain-object.js';
import type { PathKey, SourceFile } from './source-file.js';

export function duplicateIdProblems(source: SourceFile): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const visit = (value: unknown, at: PathKey[]) => {
    if (Array.isArray(value)) {
      const seen = new Set<string>();
      value.forEach((item, index) => {
        if (isPlainObject(item) && typeof item.id === 'string') {
          if (seen.has(item.id)) {
            const position = source.locate([...at, index, 'id']).position;
            problems.push({
              file: source.label,
              line: position?.line,
              column: position?.column,
              path: [...at, index, 'id'].join('.'),
              message: `duplicate id \`${item.id}\` in this list`,
              hint: 'ids must be unique within a list: merge the two entries, or give one another id',
            });
          }
          seen.add(item.id);
        }
        visit(item, [...at, index]);
      });
    } else if (isPlainObject(value)) {
      for (const [key, child] of Object.entries(value)) visit(child, [...at, key]);
    }
  };
  visit(source.value, []);
  return problems;
}
