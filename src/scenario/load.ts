/**
 * Loading a scenario: read the file (YAML or JSON), follow `extends` to the presets or files it
 * starts from, merge, apply --set overrides, validate against the schema, and hash the result.
 * Any problem anywhere becomes one ScenarioError listing every problem with its location.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NotFoundError, ScenarioError, type ScenarioProblem } from '../errors.js';
import { closestMatch } from './suggest.js';
import { duplicateIdProblems } from './duplicate-ids.js';
import { displayPath } from '../paths.js';
import { hashScenario } from './hash.js';
import { problemsFromIssues } from './issues.js';
import { ScenarioLocator, type AppliedOverride } from './locator.js';
import { mergeScenarioValues } from './merge.js';
import { isPlainObject, type PlainObject } from './plain-object.js';
import { applyOverride, parseOverride } from './overrides.js';
import { resolveScenarioReference } from './presets.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { SourceFile } from './source-file.js';

export interface LoadedScenario {
  /** The resolved scenario: defaults filled in, `extends` followed, overrides applied. */
  readonly scenario: Scenario;
  /** SHA-256 of the resolved scenario's canonical JSON. */
  readonly hash: string;
  /** The files it was built from, the named file first. */
  readonly files: readonly string[];
  /** The --set expressions applied, in order. */
  readonly overrides: readonly string[];
}

export interface LoadOptions {
  readonly overrides?: readonly string[];
  readonly cwd?: string;
}

/** Loads a preset (by name) or a scenario file (by path). */
export function loadScenario(reference: string, options: LoadOptions = {}): LoadedScenario {
  return scenarioVariants(reference, options).base;
}

/** A scenario as its file says, and the variants of it that a sweep, a design or a fit runs. */
export interface ScenarioVariants {
  readonly base: LoadedScenario;
  /** The scenario with these overrides too (after the options' own); `flag` names the option they came with, for messages (default --set). */
  readonly variant: (overrides: readonly string[], flag?: string) => LoadedScenario;
  /** The named file's text as it was read (calibrate writes its fit into it). */
  readonly text: string;
}

/**
 * Variants of one scenario (sweep cases, design points, calibration candidates): the files are
 * read and parsed once, and each variant applies its own overrides and is validated like a
 * user's edit. A variant is one case: it has no `sweep:` block of its own (a file of 9,000 cases
 * would otherwise be copied and checked for each of them).
 */
export function scenarioVariants(reference: string, options: LoadOptions = {}): ScenarioVariants {
  const cwd = options.cwd ?? process.cwd();
  const file = resolveScenarioReference(reference, cwd);
  const text = readText(file);
  const sources = readSources(new SourceFile(displayPath(file, cwd), text), path.dirname(file), path.basename(file, path.extname(file)), cwd);
  const base = resolveScenario(sources, options.overrides ?? []);
  const { sweep: _sweep, ...oneCase } = sources.merged;
  const cases = { ...sources, merged: oneCase };
  return { base, variant: (overrides, flag) => resolveScenario(cases, options.overrides ?? [], { overrides, flag }), text };
}

/**
 * Loads a scenario from text (YAML or JSON) that is not in a file, e.g. built by a program.
 * `extends` paths are relative to `cwd`.
 */
export function loadScenarioText(text: string, options: LoadOptions & { readonly label?: string } = {}): LoadedScenario {
  const label = options.label ?? '<scenario>';
  return loadFromSource(new SourceFile(label, text), options.cwd ?? process.cwd(), 'scenario', options);
}

function loadFromSource(source: SourceFile, directory: string, defaultName: string, options: LoadOptions): LoadedScenario {
  return resolveScenario(readSources(source, directory, defaultName, options.cwd ?? process.cwd()), options.overrides ?? []);
}

/** A scenario's files, read, parsed and merged (before overrides and validation). */
interface ScenarioSources {
  readonly files: readonly SourceFile[];
  readonly merged: PlainObject;
}

function readSources(source: SourceFile, directory: string, defaultName: string, cwd: string): ScenarioSources {
  const files: SourceFile[] = [];
  const merged = readWithExtends(source, directory, files, cwd);
  // The name is the file's own, never inherited from what it extends.
  const own = files[0]!.value as PlainObject;
  // Only a missing name takes the file's; a name of the wrong type is reported by the schema.
  if (own.name === undefined) merged.name = safeName(defaultName);
  delete merged.extends;
  delete merged.$schema;
  return { files, merged };
}

/** The sources with `overrides` applied, validated and hashed. */
function resolveScenario(sources: ScenarioSources, setOverrides: readonly string[], more: { readonly overrides: readonly string[]; readonly flag?: string | undefined } = { overrides: [] }): LoadedScenario {
  const { files } = sources;
  const merged = structuredClone(sources.merged);
  const applied: AppliedOverride[] = [];
  const overrideProblems: ScenarioProblem[] = [];
  const overrides = [...setOverrides, ...more.overrides];
  for (const [index, expression] of overrides.entries()) {
    const result = applyOverride(merged, parseOverride(expression, index < setOverrides.length ? '--set' : more.flag));
    if ('message' in result) overrideProblems.push(result);
    else applied.push(result);
  }
  if (overrideProblems.length > 0) throw new ScenarioError(overrideProblems);

  const parsed = scenarioSchema.safeParse(merged, { reportInput: true });
  if (!parsed.success) {
    const locator = new ScenarioLocator(merged, files, applied);
    throw new ScenarioError(explainMistypedIds(problemsFromIssues(parsed.error.issues, merged, locator), merged, files));
  }
  return {
    scenario: parsed.data,
    hash: hashScenario(parsed.data),
    files: files.map((file) => file.label),
    overrides: [...overrides],
  };
}

/**
 * Reads `source` and what it extends (paths relative to `directory`), appending each SourceFile
 * to `files` (outermost first); returns the merged value.
 */
function readWithExtends(source: SourceFile, directory: string, files: SourceFile[], cwd: string): PlainObject {
  const label = source.label;
  if (files.some((file) => file.label === label)) {
    const chain = [...files.map((file) => file.label), label].join(' -> ');
    const last = files[files.length - 1]!;
    const position = last.locate(['extends']).position;
    throw new ScenarioError([
      { file: last.label, line: position?.line, column: position?.column, path: 'extends', message: `extends itself in a loop: ${chain}`, hint: 'a scenario may extend a chain of others, never itself' },
    ]);
  }
  files.push(source);
  if (source.problems.length > 0) throw new ScenarioError(source.problems);
  if (!isPlainObject(source.value)) {
    throw new ScenarioError([
      { file: label, line: 1, column: 1, path: '', message: 'a scenario file must be a map of fields', hint: 'start from a preset: livesim show demo-county' },
    ]);
  }
  const duplicates = duplicateIdProblems(source);
  if (duplicates.length > 0) throw new ScenarioError(duplicates);
  const parent = source.value.extends;
  if (parent === undefined) return structuredClone(source.value);
  const problemAtExtends = (message: string, hint?: string) => {
    const position = source.locate(['extends']).position;
    return new ScenarioError([{ file: label, line: position?.line, column: position?.column, path: 'extends', message, hint }]);
  };
  if (typeof parent !== 'string') throw problemAtExtends('expected a preset name or a file path', 'for example: extends: demo-county');
  let parentFile: string;
  try {
    parentFile = resolveScenarioReference(parent, directory);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    throw problemAtExtends(error.message, error.hint);
  }
  const parentSource = new SourceFile(displayPath(parentFile, cwd), readText(parentFile));
  const base = readWithExtends(parentSource, path.dirname(parentFile), files, cwd);
  return mergeScenarioValues(base, source.value) as PlainObject;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new NotFoundError(`cannot read ${file}: ${(error as Error).message}`);
  }
}


/** A file name made fit to name run directories: unsafe characters become dashes. */
export function safeName(fileName: string): string {
  const cleaned = fileName.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/\.{2,}/g, '.').replace(/^[^A-Za-z0-9]+/, '').slice(0, 80).replace(/[.-]+$/, '');
  return cleaned === '' ? 'scenario' : cleaned;
}

/** Lists whose items an extending file changes by id. */
const ID_LISTS: Readonly<Record<string, string>> = { platforms: 'platform', anchors: 'anchor', products: 'product', farmers: 'farmer group', shops: 'shop', stores: 'store' };

/**
 * An extending file that changes an item by a mistyped id adds a new, incomplete item instead,
 * and the schema then lists every field it lacks. Say what happened instead: the id is not in
 * what the file extends, and which id it probably meant.
 */
function explainMistypedIds(problems: ScenarioProblem[], merged: PlainObject, files: readonly SourceFile[]): ScenarioProblem[] {
  const own = files[0]!;
  if (files.length < 2 || !isPlainObject(own.value)) return problems;
  const explained: ScenarioProblem[] = [];
  const covered = new Set<string>();
  for (const [list, what] of Object.entries(ID_LISTS)) {
    const items = merged[list];
    const ownItems = own.value[list];
    if (!Array.isArray(items) || !Array.isArray(ownItems)) continue;
    const inherited = files.slice(1).flatMap((file) => {
      const value = isPlainObject(file.value) ? file.value[list] : undefined;
      return Array.isArray(value) ? value.flatMap((item) => (isPlainObject(item) && typeof item.id === 'string' ? [item.id] : [])) : [];
    });
    items.forEach((item, index) => {
      if (!isPlainObject(item) || typeof item.id !== 'string' || inherited.includes(item.id)) return;
      const prefix = `${list}.${index}.`;
      if (!problems.some((problem) => problem.path.startsWith(prefix) && problem.message.startsWith('missing required field'))) return;
      const meant = closestMatch(item.id, inherited);
      if (meant === undefined) return;
      const ownIndex = ownItems.findIndex((candidate) => isPlainObject(candidate) && candidate.id === item.id);
      const position = own.locate([list, ownIndex, 'id']).position;
      covered.add(prefix);
      explained.push({
        file: own.label,
        line: position?.line,
        column: position?.column,
        path: `${list}.${index}.id`,
        message: `no ${what} \`${item.id}\` in what this file extends; did you mean \`${meant}\`?`,
        hint: `to change that ${what}, use its id; a new ${what} needs every required field`,
      });
    });
  }
  return [...explained, ...problems.filter((problem) => ![...covered].some((prefix) => problem.path.startsWith(prefix)))];
}
