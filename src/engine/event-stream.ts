import { Observable } from 'rxjs';

type Handler<T> = (event: T) => void;

/**
 * One typed stream per event kind. The simulation publishes a scheduled event on its stream
 * when the clock reaches it; handlers subscribe and schedule further events.
 *
 * Each stream is an RxJS Observable (`events$`) for pipelines, tracing and custom measures, but
 * publishing calls the handlers directly: a Subject's `next` wraps every call in an error
 * context and a subscriber chain, about a tenth of a viewer-level run (issue 20). Handlers and
 * observers are called in the order they subscribed; a handler's error propagates out of the
 * run instead of being re-thrown later on a timer, as RxJS would.
 */
export class EventStream<T> {
  /** Copied on change, so that a handler may unsubscribe (or subscribe) while an event is published. */
  private handlers: readonly Handler<T>[] = [];

  /** The events of this kind, in simulated-time order, for RxJS pipelines (tracing, custom measures). */
  readonly events$: Observable<T> = new Observable<T>((subscriber) => this.on((event) => subscriber.next(event)));

  constructor(readonly name: string) {}

  /** Subscribes a handler; returns a function that unsubscribes it. */
  on(handler: Handler<T>): () => void {
    this.handlers = [...this.handlers, handler];
    return () => {
      const index = this.handlers.indexOf(handler);
      if (index >= 0) this.handlers = this.handlers.filter((_, at) => at !== index);
    };
  }

  /** Publishes an event now (the engine, when the clock reaches it, or a derived event such as an order). */
  emit(event: T): void {
    const handlers = this.handlers;
    for (let index = 0; index < handlers.length; index++) handlers[index]!(event);
  }
}
