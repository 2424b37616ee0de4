export * from './commands';
export * from './errors';
export * from './external-app.decider';
export * from './external-app.state';
export { MAX_ACTIVE_SECRETS, activeSecrets } from './secrets';
export { redirectUriProblem } from './redirect-uri';
