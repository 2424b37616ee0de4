export * from './registration-values';
export * from './registration-events';
