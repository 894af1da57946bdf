/**
 * How `extends` combines a scenario with the one it starts from: maps merge key by key, lists of
 * items with ids merge item by item (same id: merged; new id: appended), a union told apart by
 * `kind` whose kind changes (another dwell distribution, another schedule) is replaced, and
 * anything else is replaced by the extending file's value.
 */
import { isKindUnionAt } from './json-schema.js';
import { isForbiddenKey } from './safe-keys.js';
import type { PathKey } from './source-file.js';
import { isPlainObject, type PlainObject } from './plain-object.js';


function isIdList(value: unknown): value is PlainObject[] {
  return Array.isArray(value) && value.every((item) => isPlainObject(item) && typeof item.id === 'string');
}

/** `over` laid onto `base`; neither is modified. */
export function mergeScenarioValues(base: unknown, over: unknown, path: readonly PathKey[] = []): unknown {
  const kindChanges = isPlainObject(base) && isPlainObject(over) && over.kind !== undefined && over.kind !== base.kind && isKindUnionAt(path);
  if (isPlainObject(base) && isPlainObject(over) && !kindChanges) {
    const result: PlainObject = { ...base };
    for (const [key, value] of Object.entries(over)) {
      // Never reached from a file or --set (both refuse these keys); a guard for programs.
      if (isForbiddenKey(key)) continue;
      result[key] = Object.hasOwn(base, key) ? mergeScenarioValues(base[key], value, [...path, key]) : value;
    }
    return result;
  }
  if (isIdList(base) && isIdList(over)) {
    const merged: unknown[] = base.map((item, index) => {
      const replacement = over.find((candidate) => candidate.id === item.id);
      return replacement === undefined ? item : mergeScenarioValues(item, replacement, [...path, index]);
    });
    for (const item of over) if (!base.some((candidate) => candidate.id === item.id)) merged.push(item);
    return merged;
  }
  return over;
}
