import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Authenticator, Principal } from '@extapps/platform';
import type { FastifyRequest } from 'fastify';
import { AdminTokenVerifier } from './admin-token-verifier';

/**
 * The platform guard's Authenticator (`ServiceModule.forRoot(config, { authenticator })`).
 * ServiceModule builds it, and cannot inject the app module's providers (signing keys, client
 * table), so the verifier is looked up in the whole application on first use, as
 * ServiceModule's own health indicators are.
 */
@Injectable()
export class AdminAuthenticator implements Authenticator {
  private verifier: AdminTokenVerifier | undefined;

  constructor(private readonly moduleRef: ModuleRef) {}

  authenticate(request: FastifyRequest): Promise<Principal | null> {
    this.verifier ??= this.moduleRef.get<AdminTokenVerifier>(AdminTokenVerifier, {
      strict: false,
    });
    return this.verifier.authenticate(request);
  }
}
