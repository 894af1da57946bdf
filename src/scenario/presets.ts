/** The presets shipped in scenarios/, and how a name or path on the command line finds a file. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { NotFoundError } from '../errors.js';
import { PRESETS_DIR } from '../paths.js';
import { isPlainObject } from './plain-object.js';
import { hintFor } from './suggest.js';

export const DEFAULT_PRESET = 'demo-county';
const EXTENSIONS = ['.yaml', '.yml', '.json'];

export interface PresetInfo {
  readonly name: string;
  readonly file: string;
  readonly description: string;
}

export function presetNames(): string[] {
  if (!existsSync(PRESETS_DIR)) return [];
  return readdirSync(PRESETS_DIR)
    .filter((file) => EXTENSIONS.includes(path.extname(file)) && !file.endsWith('.schema.json'))
    .map((file) => path.basename(file, path.extname(file)))
    .sort();
}

export function listPresets(): PresetInfo[] {
  return presetNames().map((name) => {
    const file = presetFile(name)!;
    const value: unknown = parse(readFileSync(file, 'utf8'));
    const description = isPlainObject(value) && typeof value.description === 'string' ? value.description : '';
    return { name, file, description };
  });
}

function presetFile(name: string): string | undefined {
  for (const extension of EXTENSIONS) {
    const file = path.join(PRESETS_DIR, `${name}${extension}`);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** Whether a reference is written as a path (a slash or a scenario file's extension) rather than a preset's name. */
export function looksLikePath(reference: string): boolean {
  return reference.includes('/') || reference.includes(path.sep) || EXTENSIONS.includes(path.extname(reference));
}

/**
 * The absolute file a reference names: an existing file (relative to `fromDir`), or a preset's
 * name. Paths win over preset names so a local `demo-county.yaml` can shadow the preset.
 */
export function resolveScenarioReference(reference: string, fromDir = process.cwd()): string {
  const asPath = path.resolve(fromDir, reference);
  if (existsSync(asPath) && statSync(asPath).isFile()) return asPath;
  if (!looksLikePath(reference)) {
    const preset = presetFile(reference);
    if (preset) return preset;
    throw new NotFoundError(`no preset or file named \`${reference}\``, `${hintFor(reference, presetNames(), 'preset')} (livesim list shows them all)`);
  }
  throw new NotFoundError(`no such scenario file: ${reference}`, 'check the path, or give a preset name (livesim list)');
}
