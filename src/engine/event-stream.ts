import { Observable } from 'rxjs';

/** A subscribed handler; `active` goes false the moment it unsubscribes. */
interface Subscription<T> {
  readonly handler: (event: T) => void;
  active: boolean;
}

/**
 * One typed stream per event kind. The simulation publishes a scheduled event on its stream
 * when the clock reaches it; handlers subscribe and schedule further events.
 *
 * Each stream is an RxJS Observable (`events$`) for pipelines, tracing and custom measures, but
 * publishing calls the handlers directly: a Subject's `next` wraps every call in an error
 * context and a subscriber chain, about a tenth of a viewer-level run (issue 20). The semantics
 * are a Subject's: handlers and observers are called in the order they subscribed, one that
 * subscribes during an event hears the next, and one that unsubscribes (itself or another)
 * hears no more, not even the event being published. An error thrown by an `on` handler
 * propagates out of the run; one thrown by an `events$` observer is RxJS's to report.
 */
export class EventStream<T> {
  /** Copied on change, so that publishing walks the list as it was when the event came. */
  private subscriptions: readonly Subscription<T>[] = [];

  /** The events of this kind, in simulated-time order, for RxJS pipelines (tracing, custom measures). */
  readonly events$: Observable<T> = new Observable<T>((subscriber) => this.on((event) => subscriber.next(event)));

  constructor(readonly name: string) {}

  /** Subscribes a handler; returns a function that unsubscribes it (once; calling it again does nothing). */
  on(handler: (event: T) => void): () => void {
    const subscription: Subscription<T> = { handler, active: true };
    this.subscriptions = [...this.subscriptions, subscription];
    return () => {
      if (!subscription.active) return;
      subscription.active = false;
      this.subscriptions = this.subscriptions.filter((other) => other !== subscription);
    };
  }

  /** Publishes an event now (the engine, when the clock reaches it, or a derived event such as an order). */
  emit(event: T): void {
    const subscriptions = this.subscriptions;
    for (let index = 0; index < subscriptions.length; index++) {
      const subscription = subscriptions[index]!;
      if (subscription.active) subscription.handler(event);
    }
  }
}
