export * from './eventually';
export { uniqueName } from '@extapps/infra';
export * from './manual-clock';
