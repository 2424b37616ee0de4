export * from './events/envelope';
export * from './events/event-definition';
export * from './events/event-registry';
export * from './events/create-envelope';
export * from './topics/topics';
export * from './catalog/resource-catalog';
export * from './registration';
export * from './secrets';
