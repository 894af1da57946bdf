/**
 * Connections to the queue's Redis. Before any work, one short check that Redis answers (a
 * coordinator that cannot reach it exits 2 before claiming a run directory); after that, the
 * long-lived connections BullMQ needs, which reconnect on their own when Redis comes back.
 */
import { Redis } from 'ioredis';
import { UsageError } from '../../errors.js';
import type { QueueUrl } from './queue-url.js';

/** Answers PING within a few seconds, or a usage error with the URL and what to do. */
export async function checkReachable(url: QueueUrl): Promise<void> {
  const probe = new Redis(url.href, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  // The cause (ECONNREFUSED, a wrong password) arrives as an event; the awaited call only says the connection closed.
  let cause: Error | undefined;
  probe.on('error', (error: Error) => (cause ??= error));
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new UsageError(
      `cannot reach the queue's Redis at ${url.shown}: ${(cause ?? (error as Error)).message}`,
      'start redis-server there (redis-server --port 6379), or check --queue / REDIS_URL; a password goes in the URL: redis://:password@host:6379',
    );
  } finally {
    probe.disconnect();
  }
}

/** A connection for BullMQ: commands wait while Redis is away (BullMQ asks for maxRetriesPerRequest null) and it reconnects with backoff. */
export function queueConnection(url: QueueUrl): Redis {
  const connection = new Redis(url.href, { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(200 * times, 2000) });
  // Lost connections are reported by whoever watches `close` and `ready`; unhandled, the event would crash.
  connection.on('error', () => undefined);
  return connection;
}
