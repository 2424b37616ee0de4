export * from './log-capture';
export * from './service-app';
export * from './service-basics';
export * from './http-app';
export * from './token-issuer';
