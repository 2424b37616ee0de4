export * from './conflict';
export * from './connection';
export * from './connection-manager';
