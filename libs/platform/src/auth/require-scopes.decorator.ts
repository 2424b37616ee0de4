import { SetMetadata } from '@nestjs/common';

export const REQUIRED_SCOPES = 'extapps:requiredScopes';

/**
 * The caller's token must hold every listed scope. On a controller and a handler both apply (the
 * guard merges them). Ignored on @Public() routes, which skip authentication altogether.
 */
export const RequireScopes = (...scopes: [string, ...string[]]) =>
  SetMetadata(REQUIRED_SCOPES, scopes);
