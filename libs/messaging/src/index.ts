export * from './ports';
export * from './logger';
export * from './errors';
export {
  DEFAULT_RETRY_POLICY,
  backoffDelay,
  backoffSchedule,
  realSleep,
  resolveRetryPolicy,
} from './retry/backoff';
export type { RetryPolicy, Sleep } from './retry/backoff';
export { DEFAULT_MAX_BATCH_SIZE, DEFAULT_SHUTDOWN_GRACE_MS } from './consumer-options';
export { DeadLetterHeaders } from './delivery/dead-letter';
export { KafkaBus } from './kafka/kafka-bus';
export { DEFAULT_CONSUMER_TUNING } from './kafka/kafka-options';
export type { KafkaBusOptions, KafkaConsumerTuning } from './kafka/kafka-options';
export type { MessagingLogLevel } from './kafka/kafka-logger';
export { InMemoryBus } from './memory/memory-bus';
export type { InMemoryBusOptions } from './memory/memory-bus';
export { EventHeaders, eventHeaders } from './events/event-headers';
export { EventPublisher } from './events/event-publisher';
export { createEventConsumer } from './events/event-consumer';
export type {
  AnyEventDefinition,
  EventConsumerOptions,
  EventContext,
  EventHandler,
} from './events/event-consumer';
export { createEventBatchConsumer } from './events/event-batch-consumer';
export type {
  EventBatchConsumerOptions,
  EventBatchHandler,
  ReceivedEvent,
  RefusedEvent,
} from './events/event-batch-consumer';
export { MESSAGE_BUS, MessagingModule } from './nest/messaging.module';
export type { MessagingModuleAsyncOptions } from './nest/messaging.module';
