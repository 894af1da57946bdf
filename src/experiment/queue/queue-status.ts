/** What is on the queue: this version's jobs by state, and the workers listening for them. */
import { Queue } from 'bullmq';
import { QUEUE_NAME } from './queue-jobs.js';
import { checkReachable, queueConnection } from './redis-connection.js';
import type { QueueUrl } from './queue-url.js';

export interface QueueStatus {
  readonly queue: string;
  readonly jobs: { readonly waiting: number; readonly active: number; readonly done: number; readonly failed: number; readonly delayed: number };
  readonly workers: readonly { readonly name: string; readonly address: string; readonly connectedSeconds: number }[];
}

export async function queueStatus(url: QueueUrl): Promise<QueueStatus> {
  await checkReachable(url);
  const connection = queueConnection(url);
  const queue = new Queue(QUEUE_NAME, { connection });
  // Redis answered a moment ago; if it goes now, the awaited calls below wait for it, quietly.
  queue.on('error', () => undefined);
  try {
    const counts = await queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized');
    const clients = await queue.getWorkers();
    return {
      queue: QUEUE_NAME,
      jobs: {
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
        active: counts.active ?? 0,
        done: counts.completed ?? 0,
        failed: counts.failed ?? 0,
        delayed: counts.delayed ?? 0,
      },
      // A worker's connection is named bull:<queue>:w:<its name>; several connections may share a name.
      workers: [...new Map(clients.map((client) => [client.rawname ?? client.name ?? '', client])).values()]
        .map((client) => ({ name: (client.rawname ?? '').split(':w:')[1] ?? client.name ?? '?', address: client.addr ?? '?', connectedSeconds: Number(client.age ?? 0) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  } finally {
    await queue.close();
    connection.disconnect();
  }
}
