/** `livesim queue status`: the jobs on a Redis queue by state, and the workers taking them. */
import { Command } from 'commander';
import { jsonText } from '../../experiment/run/run-layout.js';
import { formatCount } from '../../format.js';
import { formatTable } from '../table.js';
import { detectTerminal } from '../terminal.js';
import { currentIO } from '../command-io.js';
import { HELP } from '../help.js';

export function queueCommand(): Command {
  const status = new Command('status')
    .description("this livesim version's jobs on the queue (waiting, active, done, failed) and the workers connected")
    .option('--queue [url]', 'the Redis queue (redis:// or rediss://; without a URL: REDIS_URL)')
    .option('--json', 'print the status as JSON on stdout')
    .addHelpText('after', '\nExamples:\n  $ livesim queue status --queue redis://127.0.0.1:6379\n  $ REDIS_URL=redis://127.0.0.1:6379 livesim queue status --queue --json\n')
    .action(async (options: { queue?: string | boolean; json?: boolean }, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      const [{ parseQueueUrl }, { queueStatus }] = await Promise.all([import('../../experiment/queue/queue-url.js'), import('../../experiment/queue/queue-status.js')]);
      const url = parseQueueUrl(typeof options.queue === 'string' ? options.queue : undefined, currentIO().env);
      const found = await queueStatus(url);
      if (options.json) return terminal.out(jsonText({ url: url.shown, ...found }));
      const { jobs } = found;
      const lines = [
        `${terminal.outStyle.bold(found.queue)} on ${url.shown}`,
        `  jobs: ${formatCount(jobs.waiting)} waiting, ${formatCount(jobs.active)} active, ${formatCount(jobs.done)} done, ${formatCount(jobs.failed)} failed${jobs.delayed > 0 ? `, ${formatCount(jobs.delayed)} waiting to retry` : ''}`,
        `  workers: ${found.workers.length === 0 ? 'none connected (start one: livesim worker --queue …)' : found.workers.length}`,
      ];
      if (found.workers.length > 0) {
        const width = terminal.stdoutIsTTY ? terminal.columns : Number.POSITIVE_INFINITY;
        lines.push(...formatTable(['worker', 'address', 'connected'], found.workers.map((worker) => [worker.name, worker.address, `${formatCount(worker.connectedSeconds)} s`]), { width, indent: '    ', right: [2] }));
      }
      terminal.out(`${lines.join('\n')}\n`);
    });
  return new Command('queue')
    .description('the Redis job queue that --queue and livesim worker share')
    .addHelpText('after', '\nExamples:\n  $ livesim queue status --queue redis://127.0.0.1:6379     jobs by state, and the workers\n  $ livesim worker --queue redis://127.0.0.1:6379           take jobs (on any machine)\n')
    .addCommand(status.configureHelp(HELP).exitOverride());
}
