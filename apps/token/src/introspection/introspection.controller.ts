import { Controller, Post, Req, Res } from '@nestjs/common';
import { Public } from '@extapps/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestMetaOf } from '../token-endpoint/request-meta';
import { OAuthErrorBody } from '../token-endpoint/token-answer';
import { IntrospectionResponse } from './introspection.decider';
import { IntrospectionService } from './introspection.service';
import { noStore, refuse } from './oauth-refusal';

/** RFC 7662 §2. Public to the platform guard: callers authenticate as clients in the request. */
@Public()
@Controller('oauth')
export class IntrospectionController {
  constructor(private readonly introspection: IntrospectionService) {}

  @Post('introspect')
  async introspect(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IntrospectionResponse | OAuthErrorBody> {
    noStore(reply);
    const outcome = await this.introspection.introspect({
      body: request.body,
      authorization: request.headers.authorization,
      meta: requestMetaOf(request),
    });
    if (!outcome.ok) return refuse(reply, outcome.error);
    void reply.status(200);
    return outcome.value;
  }
}
