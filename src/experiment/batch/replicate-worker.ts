/** A worker thread that runs replicates it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { MagnitudeError } from '../../errors.js';
import { runReplicateTask, type ReplicateTask } from './replicate-task.js';

parentPort?.on('message', (task: ReplicateTask) => {
  runReplicateTask(task).then(
    (outcome) => parentPort?.postMessage({ outcome }),
    (error: unknown) =>
      parentPort?.postMessage(
        // A scenario out of range is the user's to fix (a clean message); anything else is a bug (its stack).
        error instanceof MagnitudeError
          ? { id: task.id, magnitude: { message: error.message, hint: error.hint } }
          : { id: task.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) },
      ),
  );
});
