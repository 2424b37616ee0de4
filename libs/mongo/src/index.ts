export * from './conflict';
export * from './connection';
