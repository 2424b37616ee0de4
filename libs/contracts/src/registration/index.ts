export * from './registration-values';
export * from './client-keys';
export * from './registration-events';
