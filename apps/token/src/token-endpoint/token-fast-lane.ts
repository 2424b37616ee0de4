import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { FAST_LANE, FastLane, FastLaneRequest, FastLaneResponse } from '@extapps/platform';
import { FORM_CONTENT_TYPE, parseFormBody } from './form';
import { NO_STORE_HEADERS, tokenAnswer } from './token-answer';
import { TokenService } from './token.service';

export const TOKEN_PATH = '/oauth/token';
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * `POST /oauth/token` with a form body, the endpoint's whole load, answered from the platform's
 * fast lane (before Fastify's hooks and Nest's pipeline). Everything else sent to the path — other
 * methods, other content types, chunked or oversized bodies, query strings — still reaches
 * TokenController, which answers it the same way through the same TokenService. Public like the
 * controller: clients authenticate in the request itself.
 */
@Injectable()
export class TokenFastLane implements OnModuleInit {
  constructor(
    @Inject(FAST_LANE) private readonly lane: FastLane,
    private readonly tokens: TokenService,
  ) {}

  onModuleInit(): void {
    this.lane.add({
      method: 'POST',
      path: TOKEN_PATH,
      contentType: FORM_CONTENT_TYPE,
      handle: (request) => this.handle(request),
    });
  }

  async handle(request: FastLaneRequest): Promise<FastLaneResponse> {
    const userAgent = request.headers['user-agent'];
    const outcome = await this.tokens.issue({
      body: parseFormBody(request.body),
      authorization: request.headers.authorization,
      meta: {
        ip: request.ip.slice(0, 64),
        correlationId: request.correlationId,
        ...(userAgent === undefined ? {} : { userAgent: userAgent.slice(0, 512) }),
      },
    });
    const answer = tokenAnswer(outcome);
    return {
      status: answer.status,
      headers: { 'content-type': JSON_CONTENT_TYPE, ...NO_STORE_HEADERS, ...answer.headers },
      body: JSON.stringify(answer.body),
    };
  }
}
