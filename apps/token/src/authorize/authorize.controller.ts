import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { Clock } from '@extapps/contracts';
import { Public } from '@extapps/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestMetaOf } from '../token-endpoint/request-meta';
import { CLOCK } from '../tokens';
import { AuthorizeFlow } from './authorize-flow';
import { FlowResponse } from './flow-responses';
import { CONTENT_SECURITY_POLICY } from './html/layout';
import { interactionIdOf } from './interactions/interaction-cookie';

/**
 * Sent with every page and redirect of the endpoint: never cached (RFC 6749 §10.12 pages hold
 * CSRF tokens, redirects hold codes), never framed (clickjacking, RFC 9700 §4.16), and no
 * Referer leaks the code or state to the next site.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  pragma: 'no-cache',
  'x-frame-options': 'DENY',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

/**
 * The authorization endpoint (RFC 6749 §3.1) and its login and consent steps: HTML for people,
 * public to the platform guard. Requests are read raw, so repeated parameters stay visible.
 */
@Public()
@Controller('oauth/authorize')
export class AuthorizeController {
  constructor(
    private readonly flow: AuthorizeFlow,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async authorize(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.flow.start(queryOf(request.url), this.clock.now()));
  }

  @Post('login')
  async login(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const id = interactionIdOf(request.headers.cookie);
    const meta = requestMetaOf(request);
    send(reply, await this.flow.signIn(id, formOf(request), meta, this.clock.now()));
  }

  @Get('consent')
  async consent(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const id = interactionIdOf(request.headers.cookie);
    send(reply, await this.flow.showConsent(id, this.clock.now()));
  }

  @Post('consent')
  async decide(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const id = interactionIdOf(request.headers.cookie);
    const meta = requestMetaOf(request);
    send(reply, await this.flow.decide(id, formOf(request), meta, this.clock.now()));
  }
}

function queryOf(url: string): string {
  const start = url.indexOf('?');
  return start === -1 ? '' : url.slice(start + 1);
}

/** The form as the form body parser left it; any other body counts as an empty form. */
function formOf(request: FastifyRequest): URLSearchParams {
  return request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
}

function send(reply: FastifyReply, response: FlowResponse): void {
  void reply.headers(SECURITY_HEADERS);
  if (response.setCookie !== undefined) void reply.header('set-cookie', response.setCookie);
  if (response.kind === 'redirect') {
    void reply.status(303).header('location', response.location).send();
    return;
  }
  if (response.retryAfterSeconds !== undefined)
    void reply.header('retry-after', String(response.retryAfterSeconds));
  void reply
    .status(response.status)
    .header('content-type', 'text/html; charset=utf-8')
    .send(response.html);
}
