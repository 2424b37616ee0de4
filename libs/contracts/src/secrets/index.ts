export * from './client-secret';
