/**
 * Keys that would reach an object's prototype when assigned (`obj[key] = …`): a scenario file,
 * a `--set` path or a sweep may never use them, so no merge or override can pollute objects.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

export const FORBIDDEN_KEY_HINT = '`__proto__`, `constructor` and `prototype` are never scenario fields';
