/**
 * The event store's work queues: every append enqueues its event on each, and the worker of each
 * takes it off once done (at least once). Add a queue here only together with its worker: events
 * wait on a queue until acknowledged.
 */
/** Relayed to extapps.permissions.events.v1 by the outbox relay. */
export const KAFKA_QUEUE = 'kafka';
/** Projected into the tenant list view (tenants/views). */
export const TENANT_VIEWS_QUEUE = 'tenant-views';

export const STORE_QUEUES = [KAFKA_QUEUE, TENANT_VIEWS_QUEUE] as const;
