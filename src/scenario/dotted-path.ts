/**
 * Dotted paths into a scenario, as --set, free parameters and sweeps write them: map keys, list
 * indexes, or (in lists of items with ids) an item's id: `anchors.weiya.commission.welfareRate`.
 */
import { isPlainObject } from './plain-object.js';
import { isForbiddenKey } from './safe-keys.js';
import type { PathKey } from './source-file.js';

/** The position in `list` a path segment names (an index, or an item's id), or undefined. */
export function listIndex(list: readonly unknown[], segment: string): number | undefined {
  if (/^\d+$/.test(segment)) {
    const index = Number(segment);
    return index < list.length ? index : undefined;
  }
  const index = list.findIndex((item) => isPlainObject(item) && item.id === segment);
  return index >= 0 ? index : undefined;
}

/** The keys a dotted path takes through `root`, list items by position (for the schema and source lookups), or undefined where it leads nowhere. */
export function pathKeys(root: unknown, dotted: string): PathKey[] | undefined {
  const keys: PathKey[] = [];
  let node: unknown = root;
  for (const segment of dotted.split('.')) {
    if (Array.isArray(node)) {
      const index = listIndex(node, segment);
      if (index === undefined) return undefined;
      keys.push(index);
      node = node[index];
    } else if (isPlainObject(node) && !isForbiddenKey(segment)) {
      keys.push(segment);
      node = node[segment];
    } else {
      return undefined;
    }
  }
  return keys;
}

/** The value at a dotted path, or undefined. */
export function valueAtPath(root: unknown, dotted: string): unknown {
  let node: unknown = root;
  for (const segment of dotted.split('.')) {
    if (isForbiddenKey(segment)) return undefined;
    if (Array.isArray(node)) {
      const index = listIndex(node, segment);
      node = index === undefined ? undefined : node[index];
    } else if (isPlainObject(node)) {
      node = node[segment];
    } else {
      return undefined;
    }
  }
  return node;
}
