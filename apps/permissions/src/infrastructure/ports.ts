/** The outbox relay (and the workers on the event store's other queues): new events are stored. */
export interface OutboxWaker {
  kick(): void;
}
