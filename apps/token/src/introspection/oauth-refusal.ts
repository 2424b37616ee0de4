import type { FastifyReply } from 'fastify';
import { OAuthError, statusOf } from '../token-endpoint/oauth-error';
import { BASIC_CHALLENGE, errorBody, OAuthErrorBody } from '../token-endpoint/token-answer';
import { NOT_READY_RETRY_AFTER_SECONDS } from '../token-endpoint/token.service';

/** Never cached (RFC 6749 §5.1 for token responses; an introspection answer is as sensitive). */
export function noStore(reply: FastifyReply): void {
  void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
}

/** An OAuth error answer as the token endpoint sends it: status, challenge on 401, retry on 503. */
export function refuse(reply: FastifyReply, error: OAuthError): OAuthErrorBody {
  const status = statusOf(error.error);
  void reply.status(status);
  if (status === 401) void reply.header('www-authenticate', BASIC_CHALLENGE);
  if (status === 503) void reply.header('retry-after', String(NOT_READY_RETRY_AFTER_SECONDS));
  return errorBody(error);
}
