/** `livesim worker`: take replicate jobs from a Redis queue and run them on this machine's cores, until stopped. */
import { availableParallelism } from 'node:os';
import { Command } from 'commander';
import { formatSeconds } from '../../format.js';
import { parseCount, parseSeconds } from '../options.js';
import { detectTerminal } from '../terminal.js';
import { currentIO } from '../command-io.js';
import { keepWhatIsComputed } from '../stop-control.js';
import { EXIT } from '../../errors.js';

interface WorkerCommandOptions {
  readonly queue?: string | boolean;
  readonly jobs?: number;
  readonly lockSeconds: number;
  readonly quiet?: boolean;
  readonly force?: boolean;
}

const EXAMPLES = `
Examples:
  $ livesim worker --queue redis://10.0.0.5:6379            one job per core
  $ REDIS_URL=rediss://:secret@queue.example:6380 livesim worker --queue --jobs 8
  $ livesim run national-agri --replicates 50 --queue redis://10.0.0.5:6379   (the coordinator, elsewhere)

A worker runs jobs of its own livesim version only (each version has its own queue), and refuses
(for good, with the estimate as the reason) a job over the resource limits run applies, unless
started with --force. Ctrl+C, SIGTERM or SIGHUP finish the jobs it is running, then stop it (exit
0: stopping is how a worker ends); a second one stops it at once, and the jobs it held go to
another worker after --lock-seconds.
`;

export function workerCommand(): Command {
  return new Command('worker')
    .description("run replicate jobs from a Redis queue (BullMQ) on this machine's cores, for coordinators started with --queue")
    .option('--queue [url]', 'the Redis queue (redis:// or rediss://; without a URL: REDIS_URL)')
    .option('--jobs <n>', 'jobs run at once, on worker threads (default: one per core)', parseCount)
    .option('--lock-seconds <s>', 'how long a job stays with a worker that stopped answering before another takes it', parseSeconds, 30)
    .option('-q, --quiet', 'no line per job on stderr')
    .option('--force', 'take jobs even when their estimated events or memory are over the limits')
    .addHelpText('after', EXAMPLES)
    .action(async (options: WorkerCommandOptions, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      const [{ parseQueueUrl }, { startWorker }] = await Promise.all([import('../../experiment/queue/queue-url.js'), import('../../experiment/queue/queue-worker.js')]);
      const url = parseQueueUrl(typeof options.queue === 'string' ? options.queue : undefined, currentIO().env);
      const jobs = options.jobs ?? Math.max(1, availableParallelism());
      let done = 0;
      const worker = await startWorker(url, {
        jobs,
        lockSeconds: options.lockSeconds,
        force: options.force,
        onJob: (event) => {
          if (event.error !== undefined) terminal.err(`job ${event.id} failed: ${event.error}\n`);
          else if (!options.quiet) terminal.err(`job ${event.id} done in ${formatSeconds(event.seconds)} (${++done} so far)\n`);
        },
      });
      terminal.err(`${worker.name}: taking jobs from ${url.shown}, ${jobs} at a time (Ctrl+C to stop)\n`);
      // A stop lets the running jobs finish; a second one ends the process at once (the jobs it
      // held go to other workers once their locks expire).
      const control = keepWhatIsComputed({ stopIsTheEnd: true });
      await new Promise<void>((resolve) => {
        control.onStop(() => {
          terminal.err('stopping once the running jobs finish (Ctrl+C again: at once)\n');
          void worker.close().then(resolve);
        });
      });
      // BullMQ's connections may still be trying to reach a Redis that is gone: the worker is done.
      process.exit(EXIT.ok);

    });
}

