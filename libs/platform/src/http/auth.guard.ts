import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { authenticationRequired, insufficientScope } from '../auth/bearer-challenge';
import { REQUIRED_SCOPES } from '../auth/require-scopes.decorator';
import { AUTHENTICATOR, Authenticator, Principal } from './authenticator';
import { IS_PUBLIC } from './public.decorator';

/**
 * Closed by default: a route runs only if it is @Public() or the request has a principal holding
 * every scope named by @RequireScopes(). With no Authenticator configured every non-public route
 * is 401. Failures are RFC 6750 challenges (401 without or with a bad token, 403 for scopes).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Optional()
    @Inject(AUTHENTICATOR)
    private readonly authenticator?: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = request.principal ?? (await this.authenticate(request));
    request.principal = principal;
    const required = this.reflector.getAllAndMerge<string[]>(REQUIRED_SCOPES, targets) ?? [];
    const missing = required.filter((scope) => !principal.scopes.includes(scope));
    if (missing.length > 0) throw insufficientScope([...new Set(required)], missing);
    return true;
  }

  /** The authenticator may itself throw (a bad token, keys unavailable); null means no credentials. */
  private async authenticate(request: FastifyRequest): Promise<Principal> {
    const principal = this.authenticator ? await this.authenticator.authenticate(request) : null;
    if (!principal) throw authenticationRequired();
    return principal;
  }
}
