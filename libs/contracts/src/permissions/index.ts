export * from './permission-values';
export * from './permissions-events';
