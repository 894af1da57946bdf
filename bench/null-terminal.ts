import { EventEmitter } from 'node:events';

/** A terminal that swallows what is drawn, counting bytes: to time the dashboard without a screen. */
export class NullTerminal extends EventEmitter {
  readonly isTTY = true;
  readonly columns = 100;
  readonly rows = 40;
  bytes = 0;
  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
    this.bytes += chunk.length;
    (rest.find((argument) => typeof argument === 'function') as (() => void) | undefined)?.();
    return true;
  }
}

/** A stdin that is not a terminal. */
export class NullInput extends EventEmitter {
  readonly isTTY = false;
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read() {
    return null;
  }
}
