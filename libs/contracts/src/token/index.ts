export * from './token-events';
