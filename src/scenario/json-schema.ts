/** The JSON Schema generated from the zod schema, and lookups into it for error hints. */
import { z } from 'zod';
import { isPlainObject } from './plain-object.js';
import { scenarioSchema } from './schema.js';
import type { PathKey } from './source-file.js';

export interface JsonSchemaNode {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  prefixItems?: JsonSchemaNode[];
  additionalProperties?: JsonSchemaNode | boolean;
  oneOf?: JsonSchemaNode[];
  anyOf?: JsonSchemaNode[];
  const?: unknown;
  enum?: unknown[];
  [key: string]: unknown;
}

const SCHEMA_ID = 'https://livesim.dev/scenario.schema.json';

let cached: JsonSchemaNode | undefined;

/** The scenario JSON Schema (draft 2020-12), describing files as people write them. */
export function scenarioJsonSchema(): JsonSchemaNode {
  cached ??= {
    ...(z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchemaNode),
    $id: SCHEMA_ID,
    title: 'livesim scenario',
  };
  return cached;
}

/** The schema node describing `path` in `data` (following union branches by their `kind`). */
export function schemaAt(path: readonly PathKey[], data: unknown): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = scenarioJsonSchema();
  let value = data;
  for (const key of path) {
    node = chooseBranch(node, value);
    if (node === undefined) return undefined;
    if (typeof key === 'number') node = node.prefixItems?.[key] ?? node.items;
    else node = node.properties?.[key] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
    value = isPlainObject(value) || Array.isArray(value) ? (value as Record<PathKey, unknown>)[key] : undefined;
  }
  return chooseBranch(node, value);
}

function chooseBranch(node: JsonSchemaNode | undefined, value: unknown): JsonSchemaNode | undefined {
  const branches = node?.oneOf ?? node?.anyOf;
  if (!node || !branches) return node;
  const objects = branches.filter((branch) => branch.type === 'object');
  if (isPlainObject(value)) {
    const byKind = objects.find((branch) => branch.properties?.kind?.const === value.kind);
    return byKind ?? objects[0] ?? node;
  }
  return objects[0] ?? node;
}

/** The field names allowed at `path`. */
export function fieldsAt(path: readonly PathKey[], data: unknown): string[] {
  return Object.keys(schemaAt(path, data)?.properties ?? {});
}

/** The text of scenarios/scenario.schema.json (a test keeps the checked-in file equal to it). */
export function jsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

/**
 * Whether the field at `path` is a union told apart by `kind` (a dwell distribution, a schedule,
 * units per order). Under `extends`, such a map with another kind replaces the old one instead
 * of merging with it.
 */
export function isKindUnionAt(path: readonly PathKey[]): boolean {
  let node: JsonSchemaNode | undefined = scenarioJsonSchema();
  for (const key of path) {
    if (node === undefined) return false;
    const candidates: JsonSchemaNode[] = node.oneOf ?? node.anyOf ?? [node];
    node = undefined;
    for (const candidate of candidates) {
      const next = typeof key === 'number' ? candidate.items : candidate.properties?.[key];
      if (next) {
        node = next;
        break;
      }
    }
  }
  return node?.oneOf?.some((branch) => branch.properties?.kind?.const !== undefined) ?? false;
}
