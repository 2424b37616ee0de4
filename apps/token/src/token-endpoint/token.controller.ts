import { Controller, Delete, Get, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { Public } from '@extapps/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestMetaOf } from './request-meta';
import { errorBody, NO_STORE_HEADERS, OAuthErrorBody, tokenAnswer } from './token-answer';
import { TokenResponse, TokenService } from './token.service';

/**
 * The token endpoint. Public to the platform guard: clients authenticate in the request itself.
 * Answers are OAuth JSON, not problem+json, because OAuth clients parse `error`. A form POST
 * normally arrives through TokenFastLane; this route answers what the fast lane leaves (another
 * content type, a chunked body, another method) with the same answers.
 */
@Public()
@Controller('oauth')
export class TokenController {
  constructor(private readonly tokens: TokenService) {}

  @Post('token')
  async token(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponse | OAuthErrorBody> {
    const outcome = await this.tokens.issue({
      body: request.body,
      authorization: request.headers.authorization,
      meta: requestMetaOf(request),
    });
    const answer = tokenAnswer(outcome);
    void reply.status(answer.status).headers({ ...NO_STORE_HEADERS, ...answer.headers });
    return answer.body;
  }
  // RFC 6749 §3.2: the token endpoint takes POST only.
  @Get('token')
  get(@Res({ passthrough: true }) reply: FastifyReply): OAuthErrorBody {
    return postOnly(reply);
  }

  @Put('token')
  put(@Res({ passthrough: true }) reply: FastifyReply): OAuthErrorBody {
    return postOnly(reply);
  }

  @Patch('token')
  patch(@Res({ passthrough: true }) reply: FastifyReply): OAuthErrorBody {
    return postOnly(reply);
  }

  @Delete('token')
  delete(@Res({ passthrough: true }) reply: FastifyReply): OAuthErrorBody {
    return postOnly(reply);
  }
}

function postOnly(reply: FastifyReply): OAuthErrorBody {
  void reply.status(405).header('allow', 'POST').header('cache-control', 'no-store');
  return errorBody({
    error: 'invalid_request',
    description: 'The token endpoint accepts POST only.',
  });
}
