/**
 * `livesim init`: a scenario of your own, started from a preset (or any scenario file) as its
 * text, so every comment and every source stays beside the figure it explains. Three things
 * change: the name (from the new file's), `$schema` (re-pointed so an editor still finds it from
 * where the file is) and any `extends` path (likewise).
 */
import path from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { PRESETS_DIR } from '../paths.js';
import { ScenarioError } from '../errors.js';
import { safeName } from './load.js';
import { looksLikePath } from './presets.js';

const SCHEMA_FILE = path.join(PRESETS_DIR, 'scenario.schema.json');

/** A path from `toDir` to `file`, written as a relative reference (./x, ../x). */
function reference(file: string, toDir: string): string {
  const relative = path.relative(toDir, file).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** The text of the new scenario at `target`, from the text of the scenario at `sourceFile`. */
export function initScenarioText(sourceText: string, sourceFile: string, target: string): string {
  const document = parseDocument(sourceText);
  if (document.errors.length > 0 || !isMap(document.contents)) {
    throw new ScenarioError([{ file: sourceFile, path: '', message: 'cannot start from this file: it is not a YAML mapping', hint: 'start from a preset: livesim list' }]);
  }
  const targetDir = path.dirname(path.resolve(target));
  const sourceDir = path.dirname(sourceFile);
  const name = safeName(path.basename(target, path.extname(target)));
  const from = path.basename(sourceFile, path.extname(sourceFile));
  document.set('$schema', reference(SCHEMA_FILE, targetDir));
  document.set('name', name);
  // A path is re-pointed to resolve from the new file; a preset's name resolves from anywhere.
  const extendsValue = document.get('extends');
  if (typeof extendsValue === 'string' && looksLikePath(extendsValue)) document.set('extends', reference(path.resolve(sourceDir, extendsValue), targetDir));
  const header = `# ${name}: started from ${from} with \`livesim init\`; every comment below is ${from}'s, with its sources.\n# Edit freely; livesim validate ${path.basename(target)} checks it, livesim run ${path.basename(target)} runs it.\n`;
  return header + document.toString({ lineWidth: 0 });
}
