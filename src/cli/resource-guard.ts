/** Refuses, before anything runs or is written, a scenario whose estimated cost is over the limits. */
import { UsageError } from '../errors.js';
import { estimateResources, resourceProblem } from '../experiment/resource-estimate.js';
import { compileScenario } from '../scenario/compile.js';
import type { LoadedScenario } from '../scenario/load.js';

export function refuseOversized(loaded: LoadedScenario): void {
  const params = compileScenario(loaded.scenario);
  const problem = resourceProblem(estimateResources(params), params.fidelity);
  if (problem) throw new UsageError(`${loaded.scenario.name}: ${problem.message}`, problem.hint);
}
