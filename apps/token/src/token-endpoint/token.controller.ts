import { Controller, Delete, Get, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { Public } from '@extapps/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OAuthError, statusOf } from './oauth-error';
import { requestMetaOf } from './request-meta';
import { NOT_READY_RETRY_AFTER_SECONDS, TokenResponse, TokenService } from './token.service';

/** RFC 6749 §5.2 error response body. */
export interface OAuthErrorBody {
  readonly error: string;
  readonly error_description: string;
}

/**
 * Sent with every 401: RFC 6749 §5.2 requires the Basic challenge when the client used Basic, and
 * HTTP (RFC 9110 §15.5.2) a challenge with any 401; it names the scheme clients can use.
 */
export const BASIC_CHALLENGE = 'Basic realm="extapps"';

/**
 * The token endpoint. Public to the platform guard: clients authenticate in the request itself.
 * Answers are OAuth JSON, not problem+json, because OAuth clients parse `error`.
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
    // RFC 6749 §5.1: never cached, success or not.
    void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    const outcome = await this.tokens.issue({
      body: request.body,
      authorization: request.headers.authorization,
      meta: requestMetaOf(request),
    });
    if (outcome.ok) {
      void reply.status(200);
      return outcome.response;
    }
    const { error } = outcome.refusal;
    const status = statusOf(error.error);
    void reply.status(status);
    if (status === 401) void reply.header('www-authenticate', BASIC_CHALLENGE);
    if (status === 503) void reply.header('retry-after', String(NOT_READY_RETRY_AFTER_SECONDS));
    return errorBody(error);
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

/** RFC 6749 §5.2 allows only printable ASCII but `"` and `\` in the description. */
export function errorBody(error: OAuthError): OAuthErrorBody {
  return {
    error: error.error,
    error_description: error.description.replace(/[^\x20\x21\x23-\x5B\x5D-\x7E]/g, '?'),
  };
}
