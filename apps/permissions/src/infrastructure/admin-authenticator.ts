import { Inject, Injectable } from '@nestjs/common';
import {
  Authenticator,
  JwtAuthenticator,
  jwtAuthenticatorOptionsOf,
  Principal,
  SERVICE_CONFIG,
} from '@extapps/platform';
import type { FastifyRequest } from 'fastify';
import { PermissionsConfig } from '../config';

/** Admin bearer tokens (AUTH_ISSUER, AUTH_JWKS_URL, AUTH_AUDIENCE), for ServiceModule's guard. */
@Injectable()
export class AdminAuthenticator implements Authenticator {
  private readonly jwt: JwtAuthenticator;

  constructor(@Inject(SERVICE_CONFIG) config: PermissionsConfig) {
    this.jwt = new JwtAuthenticator(jwtAuthenticatorOptionsOf(config));
  }

  authenticate(request: FastifyRequest): Promise<Principal | null> {
    return this.jwt.authenticate(request);
  }
}
