/**
 * What `livesim calibrate` settles before a fit that takes minutes: the scenario (its text kept as
 * read, since the fit is written into it), that it has targets and free parameters whose bounds
 * lie inside the public priors, and where the fitted file goes. Writing the fitted file re-points
 * its `$schema` so that it still resolves from there.
 */
import path from 'node:path';
import { UsageError } from '../../errors.js';
import { PACKAGE_ROOT } from '../../paths.js';
import { scenarioVariants, type LoadedScenario } from '../../scenario/load.js';
import { resolveScenarioReference } from '../../scenario/presets.js';
import type { CalibrationResult } from './calibrate.js';
import { fittedScenarioText } from './fitted-file.js';
import { checkPriors } from './priors.js';

export interface CalibrationSetup {
  readonly loaded: LoadedScenario;
  readonly variant: (overrides: string[]) => LoadedScenario;
  /** The scenario file's text as read. */
  readonly source: string;
  readonly scenarioFile: string;
  /** Where the fitted scenario is written (absolute). */
  readonly out: string;
}

export function setUpCalibration(reference: string, options: { readonly set: readonly string[]; readonly out?: string | undefined }): CalibrationSetup {
  const { base: loaded, variant, text: source } = scenarioVariants(reference, { overrides: [...options.set] });
  const { scenario } = loaded;
  if (scenario.targets.length === 0) throw new UsageError(`${scenario.name} has no targets to fit to`, 'add a `targets:` list (see docs/scenarios.md)');
  if (scenario.calibration.free.length === 0) throw new UsageError(`${scenario.name} marks no parameters as free`, 'list them under `calibration: { free: [...] }`');
  // A fit may only search inside the public priors.
  const outside = checkPriors(scenario).filter((violation) => scenario.calibration.free.some((parameter) => violation.path.startsWith(parameter.path) || violation.path.startsWith('calibration.free')));
  if (outside.length > 0) throw new UsageError(outside.map((violation) => violation.message).join('; '), 'narrow the bounds under calibration.free to the prior (docs/sources.md)');
  const scenarioFile = resolveScenarioReference(reference);
  // Beside a scenario file of yours; for a preset (inside livesim), in the current directory.
  const isPreset = path.dirname(scenarioFile) === path.join(PACKAGE_ROOT, 'scenarios');
  const out = path.resolve(options.out ?? path.join(isPreset ? '.' : path.dirname(scenarioFile), `${scenario.name}.fitted.yaml`));
  return { loaded, variant, source, scenarioFile, out };
}

/** The fitted scenario's text, its `$schema` re-pointed so that it still resolves from where the file is written. */
export function fittedFileText(setup: CalibrationSetup, result: CalibrationResult): string {
  const [sourceDir, outDir] = [path.dirname(setup.scenarioFile), path.dirname(setup.out)];
  return fittedScenarioText(setup.source, result).replace(/^(\$schema:\s*)(\S+)\s*$/m, (line, key: string, reference: string) => {
    if (/^[a-z]+:\/\//i.test(reference)) return line;
    const relative = path.relative(outDir, path.resolve(sourceDir, reference));
    return `${key}${relative.startsWith('.') ? relative : `./${relative}`}`;
  });
}
