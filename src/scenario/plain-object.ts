/** A parsed YAML or JSON mapping: what merging, paths and the JSON Schema walk all test for. It imports nothing, so they can all use it. */
export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
