/** A worker thread that runs replicates it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { runReplicateTask, type ReplicateTask } from './replicate-task.js';

parentPort?.on('message', (task: ReplicateTask) => {
  runReplicateTask(task).then(
    (outcome) => parentPort?.postMessage({ outcome }),
    (error: unknown) => parentPort?.postMessage({ id: task.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
