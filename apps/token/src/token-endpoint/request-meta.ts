import type { FastifyRequest } from 'fastify';
import { RequestMeta } from '../grants/grant-handler';

/** Where a request came from; the correlation id is the platform's request id. */
export function requestMetaOf(request: FastifyRequest): RequestMeta {
  const userAgent = request.headers['user-agent'];
  return {
    ip: request.ip.slice(0, 64),
    correlationId: request.id,
    ...(userAgent === undefined ? {} : { userAgent: userAgent.slice(0, 512) }),
  };
}
