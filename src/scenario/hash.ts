import { createHash } from 'node:crypto';

/** JSON with keys sorted at every level: the same value always gives the same text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** SHA-256 of the canonical JSON: identifies a resolved scenario across runs and machines. */
export function hashScenario(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
