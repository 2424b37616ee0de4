import { Inject, Injectable } from '@nestjs/common';
import { Authenticator, Principal, SERVICE_CONFIG } from '@extapps/platform';
import type { FastifyRequest } from 'fastify';
import { PermissionsConfig } from '../config';
import { AdminAuthenticator } from '../infrastructure/admin-authenticator';
import { VerifiedTokenCache } from './verified-token-cache';

/** Distinct live tokens remembered: far more callers than a deployment has (a few KB each). */
export const VERIFIED_TOKENS_MAX = 10_000;

/**
 * AdminAuthenticator behind a VerifiedTokenCache, for ServiceModule.forRoot's `authenticator`:
 * the check API is called with the same token over and over, and a signature check per call
 * would cost more than everything else a check does.
 */
@Injectable()
export class CachingAdminAuthenticator implements Authenticator {
  private readonly cache: VerifiedTokenCache;

  constructor(@Inject(SERVICE_CONFIG) config: PermissionsConfig) {
    this.cache = new VerifiedTokenCache(new AdminAuthenticator(config), {
      maxEntries: VERIFIED_TOKENS_MAX,
      now: () => Date.now(),
    });
  }

  authenticate(request: FastifyRequest): Promise<Principal | null> {
    return this.cache.authenticate(request);
  }

  /** Without verifying anything: a token this authenticator accepted before and still live. */
  known(authorization: string): Principal | null {
    return this.cache.known(authorization);
  }
}
