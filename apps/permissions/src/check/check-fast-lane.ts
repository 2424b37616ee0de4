import { BadRequestException, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AdminScopes } from '@extapps/contracts';
import {
  AUTHENTICATOR,
  Authenticator,
  FAST_LANE,
  FastLane,
  FastLaneRequest,
  FastLaneResponse,
} from '@extapps/platform';
import type { IncomingMessage } from 'node:http';
import { AccessFeed } from '../access/access-feed';
import { AccessIndex } from '../access/access-index';
import { CachingAdminAuthenticator } from './caching-admin-authenticator';
import { parseCheck } from './check-request';

export const CHECK_PATH = '/v1/check';

/**
 * `POST /v1/check` from the platform's fast lane (before Fastify's hooks and Nest's guard and
 * pipes), for callers the guard has already let in: a bearer token the CachingAdminAuthenticator
 * verified before, still live and carrying `extapps.permissions.read`, while the index is ready.
 * Anything else — a first or bad token, a missing scope, an index still catching up — goes the
 * normal way (CheckController), which answers it and, for a good token, remembers it. Same
 * answers both ways: the same parser and index; a 400 is problem+json from the platform.
 */
@Injectable()
export class CheckFastLane implements OnModuleInit {
  constructor(
    @Inject(FAST_LANE) private readonly lane: FastLane,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    private readonly index: AccessIndex,
    private readonly feed: AccessFeed,
  ) {}

  onModuleInit(): void {
    if (!(this.authenticator instanceof CachingAdminAuthenticator)) return;
    this.lane.add({
      method: 'POST',
      path: CHECK_PATH,
      contentType: 'application/json',
      accepts: (request) => this.accepts(request),
      handle: (request) => this.handle(request),
    });
  }

  accepts(request: IncomingMessage): boolean {
    const { authorization } = request.headers;
    if (!this.feed.ready || authorization === undefined) return false;
    const known = (this.authenticator as CachingAdminAuthenticator).known(authorization);
    return known !== null && known.scopes.includes(AdminScopes.permissionsRead);
  }

  async handle(request: FastLaneRequest): Promise<FastLaneResponse> {
    const decision = this.index.check(parseCheck(parseJson(request.body)));
    return {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(decision),
    };
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new BadRequestException('The body is not valid JSON.');
  }
}
