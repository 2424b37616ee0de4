export * from './token-events';
export * from './user-events';
export * from './user-values';
export * from './token-topic';
