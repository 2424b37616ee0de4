export * from './ports';
export { InMemoryEventStore } from './memory/in-memory-event-store';
export type { InMemoryEventStoreOptions } from './memory/in-memory-event-store';
export { InMemorySnapshotStore } from './memory/in-memory-snapshot-store';
export type { InMemorySnapshotTable } from './memory/in-memory-snapshot-store';
export { MongoEventStore } from './mongo/mongo-event-store';
export type { MongoEventStoreOptions } from './mongo/mongo-event-store';
export { MongoSnapshotStore } from './mongo/mongo-snapshot-store';
export type { SnapshotStoreOptions } from './mongo/mongo-snapshot-store';
export type { EventDocument } from './mongo/event-document';
export type { Lease, LeaseOptions } from './lease/lease';
export { InMemoryLease } from './lease/in-memory-lease';
export type { InMemoryLeaseTable } from './lease/in-memory-lease';
export { LEASES_COLLECTION, MongoLease } from './lease/mongo-lease';
export { QueueWorker } from './worker/queue-worker';
export type { BatchHandler, PassOutcome, QueueWorkerOptions } from './worker/queue-worker';
export { OutboxRelay } from './worker/outbox-relay';
export type { EventSink, OutboxRelayOptions } from './worker/outbox-relay';
export {
  DEFAULT_BACKOFF,
  backoffMs,
  realWakeableSleep,
  silentWorkerLogger,
} from './worker/worker-support';
export type { BackoffPolicy, WakeableSleep, WorkerLogger } from './worker/worker-support';
