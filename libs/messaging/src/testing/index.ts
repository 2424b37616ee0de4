export { describeMessagingContract } from './contract/describe-messaging-contract';
export type { ContractDeps, MakeBus } from './contract/fixture';
export { eventually } from './eventually';
export type { EventuallyOptions } from './eventually';
export { collector, deferred, recordingSleep, uniqueName } from './helpers';
export type { Collector, Deferred } from './helpers';
export * from './sample-events';
