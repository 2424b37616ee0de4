export * from './eventually';
export { uniqueName } from '@extapps/infra';
