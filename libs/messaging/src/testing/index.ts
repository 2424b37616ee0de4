export { describeMessagingContract } from './contract/describe-messaging-contract';
export type { ContractDeps, MakeBus } from './contract/fixture';
export { collector, deferred, recordingSleep } from './helpers';
export type { Collector, Deferred } from './helpers';
export * from './sample-events';
