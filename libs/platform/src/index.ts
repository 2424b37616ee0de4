export * from './tokens';
export * from './config/config-error';
export * from './config/load-config';
export * from './config/settings';
export * from './config/base-config';
export * from './config/auth-settings';
export * from './config/catalog-setting';
export * from './logging/correlation';
export * from './logging/logger';
export * from './logging/nest-logger';
export * from './http/public.decorator';
export * from './http/authenticator';
export * from './http/auth.guard';
export {
  ASYMMETRIC_ALGORITHMS,
  DEFAULT_ALGORITHMS,
  type AsymmetricAlgorithm,
} from './auth/access-token';
export * from './auth/bearer-challenge';
export * from './auth/require-scopes.decorator';
export * from './auth/jwt-authenticator';
export * from './http/problem';
export * from './http/fast-lane';
export * from './http/problem.filter';
export * from './http/validation';
export * from './health/health-indicator';
export * from './health/readiness';
export * from './health/kafka.indicator';
export * from './health/mongo.indicator';
export * from './app/http-platform';
export * from './app/service.module';
export * from './app/service-definition';
export * from './app/create-app';
export * from './app/shutdown';
export * from './app/bootstrap';
