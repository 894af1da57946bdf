/**
 * Finds where a part of the merged scenario was written: the last --set that touched it, or the
 * outermost file (the file itself before the presets it extends) that spells out the most of its
 * path. Items of lists with ids are matched by id, since merging can move them.
 */
import { isPlainObject } from './plain-object.js';
import type { PathKey, Position, SourceFile } from './source-file.js';

export interface Location {
  readonly label: string;
  readonly position?: Position | undefined;
}

export interface AppliedOverride {
  readonly label: string;
  /** The path the override set, in the merged scenario's coordinates. */
  readonly path: readonly PathKey[];
}

export class ScenarioLocator {
  constructor(
    private readonly merged: unknown,
    /** Outermost first: the file named on the command line, then what it extends, and so on. */
    private readonly files: readonly SourceFile[],
    private readonly overrides: readonly AppliedOverride[] = [],
  ) {}

  locate(path: readonly PathKey[], preferKey = false): Location {
    for (let index = this.overrides.length - 1; index >= 0; index--) {
      const override = this.overrides[index]!;
      if (startsWith(path, override.path)) return { label: override.label };
    }
    let best: { file: SourceFile; matched: number; position: Position | undefined } | undefined;
    for (const file of this.files) {
      const found = file.locate(translatePath(path, this.merged, file.value), preferKey);
      if (best === undefined || found.matched > best.matched) best = { file, ...found };
    }
    // A place no file spells out, on the way to where a --set wrote: that --set made it.
    if (best === undefined || best.matched < path.length) {
      for (let index = this.overrides.length - 1; index >= 0; index--) {
        const override = this.overrides[index]!;
        if (startsWith(override.path, path)) return { label: override.label };
      }
    }
    return best === undefined ? { label: '<scenario>' } : { label: best.file.label, position: best.position };
  }
}

function startsWith(path: readonly PathKey[], prefix: readonly PathKey[]): boolean {
  return prefix.length <= path.length && prefix.every((key, index) => String(path[index]) === String(key));
}

/** The same place in a source's own value: list indexes follow item ids. */
function translatePath(path: readonly PathKey[], merged: unknown, source: unknown): PathKey[] {
  const translated: PathKey[] = [];
  let inMerged: unknown = merged;
  let inSource: unknown = source;
  for (const key of path) {
    if (typeof key === 'number' && Array.isArray(inMerged) && Array.isArray(inSource)) {
      const item: unknown = inMerged[key];
      const index = isPlainObject(item) && typeof item.id === 'string' ? inSource.findIndex((candidate) => isPlainObject(candidate) && candidate.id === item.id) : key;
      translated.push(index);
      inMerged = item;
      inSource = index >= 0 ? inSource[index] : undefined;
    } else {
      translated.push(key);
      inMerged = isPlainObject(inMerged) ? inMerged[String(key)] : undefined;
      inSource = isPlainObject(inSource) ? inSource[String(key)] : undefined;
    }
  }
  return translated;
}
