/**
 * How `extends` combines a scenario with the one it starts from: maps merge key by key, lists of
 * items with ids merge item by item (same id: merged; new id: appended), a map with a different
 * `kind` (another branch of a union, e.g. another dwell distribution) replaces the old one, and
 * anything else is replaced by the extending file's value.
 */

export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isIdList(value: unknown): value is PlainObject[] {
  return Array.isArray(value) && value.every((item) => isPlainObject(item) && typeof item.id === 'string');
}

/** `over` laid onto `base`; neither is modified. */
export function mergeScenarioValues(base: unknown, over: unknown): unknown {
  if (isPlainObject(base) && isPlainObject(over) && (over.kind === undefined || over.kind === base.kind)) {
    const result: PlainObject = { ...base };
    for (const [key, value] of Object.entries(over)) {
      result[key] = Object.hasOwn(base, key) ? mergeScenarioValues(base[key], value) : value;
    }
    return result;
  }
  if (isIdList(base) && isIdList(over)) {
    const merged: unknown[] = base.map((item) => {
      const replacement = over.find((candidate) => candidate.id === item.id);
      return replacement === undefined ? item : mergeScenarioValues(item, replacement);
    });
    for (const item of over) if (!base.some((candidate) => candidate.id === item.id)) merged.push(item);
    return merged;
  }
  return over;
}
