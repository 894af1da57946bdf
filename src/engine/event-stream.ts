import { Subject, type Observable } from 'rxjs';

/**
 * One typed stream per event kind. The simulation publishes a scheduled event on its stream
 * when the clock reaches it; handlers subscribe and schedule further events.
 *
 * Plain Subjects, no operator chains: a Subject.next to one subscriber costs ~35 ns, an
 * operator chain per event roughly doubles that.
 */
export class EventStream<T> {
  /** @internal the engine publishes through this directly on the hot path. */
  readonly subject = new Subject<T>();

  constructor(readonly name: string) {}

  /** The events of this kind, in simulated-time order, for RxJS pipelines (tracing, custom measures). */
  get events$(): Observable<T> {
    return this.subject.asObservable();
  }

  /** Subscribes a handler; returns a function that unsubscribes it. */
  on(handler: (event: T) => void): () => void {
    const subscription = this.subject.subscribe(handler);
    return () => subscription.unsubscribe();
  }

  /** Publishes an event now, without going through the clock (derived events such as an order). */
  emit(event: T): void {
    this.subject.next(event);
  }
}
