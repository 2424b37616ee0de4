export * from './audit-record';
export * from './canonical-json';
export * from './record-hash';
