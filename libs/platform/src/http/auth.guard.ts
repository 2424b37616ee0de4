import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  Optional,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AUTHENTICATOR, Authenticator } from './authenticator';
import { IS_PUBLIC } from './public.decorator';

/**
 * Closed by default: a route runs only if it is @Public() or the request has a principal. With no
 * Authenticator configured (as now, before any auth mechanism exists) every non-public route is 401.
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
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.principal) return true;
    const principal = this.authenticator ? await this.authenticator.authenticate(request) : null;
    if (!principal) throw new UnauthorizedException('Authentication is required.');
    request.principal = principal;
    return true;
  }
}
