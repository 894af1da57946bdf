/**
 * livesim as the command tests call it: as a function, in this process (src/cli/invoke.ts, the
 * path the binary takes too), in a scratch directory of its own unless given one.
 */
import { invokeLivesim, type LivesimOutcome } from '../../src/cli/invoke.js';
import { temporaryDirectory } from '../helpers.js';

interface LivesimOptions {
  readonly cwd?: string;
  /** Variables set or cleared on top of this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Output as a pipe receives it (no terminal, so no colour), with CI and NO_COLOR empty: as if unset. */
export function livesim(args: readonly string[], options: LivesimOptions = {}): Promise<LivesimOutcome> {
  return invokeLivesim(args, { cwd: options.cwd ?? temporaryDirectory(), env: { ...process.env, NO_COLOR: '', CI: '', ...options.env } });
}
