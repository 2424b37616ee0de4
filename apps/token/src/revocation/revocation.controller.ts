import { Controller, Post, Req, Res } from '@nestjs/common';
import { Public } from '@extapps/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { noStore, refuse } from '../introspection/oauth-refusal';
import { requestMetaOf } from '../token-endpoint/request-meta';
import { OAuthErrorBody } from '../token-endpoint/token-answer';
import { RevocationService } from './revocation.service';

/** RFC 7009 §2. Public to the platform guard: callers authenticate as clients in the request. */
@Public()
@Controller('oauth')
export class RevocationController {
  constructor(private readonly revocation: RevocationService) {}

  /** §2.2: 200 with an empty body, whether the token was revoked, unknown or already invalid. */
  @Post('revoke')
  async revoke(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OAuthErrorBody | undefined> {
    noStore(reply);
    const outcome = await this.revocation.revoke({
      body: request.body,
      authorization: request.headers.authorization,
      meta: requestMetaOf(request),
    });
    if (!outcome.ok) return refuse(reply, outcome.error);
    void reply.status(200);
    return undefined;
  }
}
