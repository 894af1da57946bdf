/**
 * Where the job queue is: a `redis://` or `rediss://` (TLS) URL, from --queue or REDIS_URL, with
 * an optional password (`redis://:secret@host:6379/0`). Anything else is a usage error naming
 * what was given; messages show the URL with its password hidden.
 */
import { UsageError } from '../../errors.js';

export interface QueueUrl {
  /** The URL as given, password included: for the connection only. */
  readonly href: string;
  /** The URL with its password replaced by `***`: for messages and manifests. */
  readonly shown: string;
}

export function parseQueueUrl(text: string | undefined, env: NodeJS.ProcessEnv = process.env): QueueUrl {
  const given = text ?? env.REDIS_URL;
  if (given === undefined || given === '') throw new UsageError('--queue needs a Redis URL', 'for example: --queue redis://127.0.0.1:6379, or set REDIS_URL');
  let url: URL;
  try {
    // Spaces around it, or a percent-escape that decodes to nothing (`%zz`), would reach Redis's client as a crash.
    if (given.trim() !== given) throw new Error('spaces around it');
    url = new URL(given);
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    throw new UsageError(`--queue ${JSON.stringify(given.replace(/\/\/[^@/]*@/, '//***@'))} is not a URL`, 'for example: redis://127.0.0.1:6379/0 or rediss://:password@host:6380 (escape % in a password as %25)');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new UsageError(`--queue ${hidePassword(url)}: expected a redis:// or rediss:// URL, got ${url.protocol}`, 'for example: redis://127.0.0.1:6379');
  }
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new UsageError(`--queue ${hidePassword(url)}: the database after the host must be a number, got ${JSON.stringify(db)}`, 'for example: redis://127.0.0.1:6379/2');
  return { href: given, shown: hidePassword(url) };
}

function hidePassword(url: URL): string {
  if (url.password === '') return url.href;
  const copy = new URL(url.href);
  copy.password = '***';
  return copy.href;
}
