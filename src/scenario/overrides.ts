/**
 * `--set path.to.field=value`: overrides applied after loading and before validation, so they are
 * validated like the file. Path segments name map keys, list indexes, or (in lists of items with
 * ids) an item's id: `anchors.weiya.commission.welfareRate=0.05`.
 */
import { parse } from 'yaml';
import { UsageError, type ScenarioProblem } from '../errors.js';
import { isPlainObject, type PlainObject } from './plain-object.js';
import { listIndex } from './dotted-path.js';
import type { AppliedOverride } from './locator.js';
import type { PathKey } from './source-file.js';
import { FORBIDDEN_KEY_HINT, isForbiddenKey } from './safe-keys.js';
import { hintFor } from './suggest.js';

export interface Override {
  /** The expression as typed, for messages. */
  readonly expression: string;
  /** The option it came with (--set, --vary, --param), for messages. */
  readonly flag: string;
  readonly segments: readonly string[];
  readonly value: unknown;
}

export function parseOverride(expression: string, flag = '--set'): Override {
  const equals = expression.indexOf('=');
  const pathText = equals < 0 ? '' : expression.slice(0, equals).trim();
  if (equals < 0 || pathText === '') {
    throw new UsageError(`${flag} expects path=value, got ${JSON.stringify(expression)}`, `for example: ${flag} behaviour.purchaseRate=0.003`);
  }
  const segments = pathText.split('.');
  if (segments.some((segment) => segment === '')) {
    throw new UsageError(`${flag} path ${JSON.stringify(pathText)} has an empty segment`, 'separate keys with single dots: anchors.0.skill');
  }
  const forbidden = segments.find(isForbiddenKey);
  if (forbidden !== undefined) throw new UsageError(`${flag} path ${JSON.stringify(pathText)} names \`${forbidden}\``, FORBIDDEN_KEY_HINT);
  return { expression, flag, segments, value: parseOverrideValue(expression.slice(equals + 1)) };
}

/** YAML rules for the value: `3` is a number, `true` a boolean, `[a, b]` a list, anything else (`@x`, `*alias` included) text. */
export function parseOverrideValue(text: string): unknown {
  try {
    // Warnings (a `%x` read as a directive) are not printed: anything YAML cannot read is text.
    return parse(text, { maxAliasCount: 50, logLevel: 'error' }) ?? text;
  } catch {
    return text;
  }
}

/**
 * Applies the override in place. Returns where it landed (for locating later problems), or a
 * problem if its path does not lead anywhere.
 */
export function applyOverride(scenario: PlainObject, override: Override): AppliedOverride | ScenarioProblem {
  const label = `${override.flag} ${override.expression}`;
  const resolved: PathKey[] = [];
  let container: unknown = scenario;
  for (let index = 0; index < override.segments.length; index++) {
    const segment = override.segments[index]!;
    const isLast = index === override.segments.length - 1;
    if (Array.isArray(container)) {
      const position = listIndex(container, segment);
      if (position === undefined) {
        const ids = container.flatMap((item) => (isPlainObject(item) && typeof item.id === 'string' ? [item.id] : []));
        return {
          file: label,
          path: [...resolved, segment].join('.'),
          message: `no item \`${segment}\` in \`${resolved.join('.') || 'the scenario'}\``,
          hint: ids.length > 0 ? hintFor(segment, ids, 'id') : `use an index from 0 to ${container.length - 1}`,
        };
      }
      resolved.push(position);
      if (isLast) container[position] = override.value;
      else container = container[position];
    } else if (isPlainObject(container)) {
      resolved.push(segment);
      if (isLast) container[segment] = override.value;
      else {
        if (container[segment] === undefined) container[segment] = {};
        container = container[segment];
      }
    } else {
      return {
        file: label,
        path: resolved.join('.'),
        message: `\`${resolved.join('.')}\` is a single value, so it has no field \`${segment}\``,
      };
    }
  }
  return { label, path: resolved };
}
