/**
 * A studio tweak as a scenario file: it `extends` the scenario the studio started from and holds
 * only the changed fields, each with a comment saying what it was. Lists of items with ids merge
 * by id under `extends`, so a change inside one names just that item; a list without ids (an
 * anchor's broadcast series) is written whole, as `extends` replaces such lists.
 */
import path from 'node:path';
import { Document, isScalar } from 'yaml';
import { listIndex, valueAtPath } from '../../scenario/dotted-path.js';
import { isPlainObject, type PlainObject } from '../../scenario/plain-object.js';
import { looksLikePath } from '../../scenario/presets.js';
import type { Scenario } from '../../scenario/schema.js';

export interface Tweak {
  /** Dotted path, as --set writes it. */
  readonly path: string;
  readonly value: number;
  /** The value in the scenario the studio started from. */
  readonly was: number;
}

/**
 * The file's text. `reference` is the scenario as the studio was given it (a preset's name or a
 * file), `file` where the text will be written (a file reference is made relative to it), and
 * `tweaked` the scenario with every tweak applied (for lists written whole).
 */
export function savedTweakText(reference: string, file: string, tweaks: readonly Tweak[], tweaked: Scenario): string {
  const base = looksLikePath(reference) ? path.relative(path.dirname(path.resolve(file)), path.resolve(reference)) || reference : reference;
  const body: PlainObject = {};
  const comments: { keys: (string | number)[]; text: string }[] = [];
  for (const tweak of tweaks) {
    const keys = place(body, tweak.path.split('.'), tweaked, tweak.value);
    comments.push({ keys, text: ` was ${tweak.was}` });
  }
  const document = new Document({ extends: base, ...body });
  for (const { keys, text } of comments) {
    const node = document.getIn(keys, true);
    if (isScalar(node)) node.comment = text;
  }
  document.commentBefore = ` Saved by livesim studio: ${reference} with ${tweaks.length === 1 ? 'one change' : `${tweaks.length} changes`}.`;
  return document.toString({ lineWidth: 0 });
}

/** Sets `value` at `segments` inside `body`, following the tweaked scenario's lists; returns the keys of the written leaf in `body`. */
function place(body: PlainObject, segments: readonly string[], tweaked: unknown, value: number): (string | number)[] {
  const keys: (string | number)[] = [];
  let into: PlainObject = body;
  let from: unknown = tweaked;
  for (let at = 0; at < segments.length; at++) {
    const segment = segments[at]!;
    const last = at === segments.length - 1;
    const list = isPlainObject(from) ? from[segment] : undefined;
    if (last) {
      into[segment] = value;
      keys.push(segment);
      return keys;
    }
    if (Array.isArray(list)) {
      const index = listIndex(list, segments[at + 1]!)!;
      const item = list[index];
      if (!isPlainObject(item) || typeof item.id !== 'string') {
        // No id to merge by: the whole list, as it is with the tweak.
        into[segment] = structuredClone(list);
        keys.push(segment, index, ...segments.slice(at + 2));
        return keys;
      }
      const items = (into[segment] ??= []) as PlainObject[];
      let mine = items.findIndex((candidate) => candidate.id === item.id);
      if (mine < 0) mine = items.push({ id: item.id }) - 1;
      keys.push(segment, mine);
      into = items[mine]!;
      from = item;
      at++;
      continue;
    }
    into = (into[segment] ??= {}) as PlainObject;
    keys.push(segment);
    from = (from as PlainObject | undefined)?.[segment];
  }
  return keys;
}

/** The value at `path` in `scenario` as a number (NaN when there is none). */
export function numberAt(scenario: Scenario, dotted: string): number {
  const value = valueAtPath(scenario, dotted);
  return typeof value === 'number' ? value : Number.NaN;
}
