import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@extapps/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommandMeta } from './command-meta';
import { ifMatchRequired, invalidIfMatch } from './problems';

/** The ETag of a stream at a version; If-Match sends it back. */
export const etagOf = (version: number) => `"${version}"`;

export function setEtag(reply: FastifyReply, version: number): void {
  void reply.header('etag', etagOf(version));
}

const ENTITY_TAG = /^(?:W\/)?"(\d{1,15})"$/;

/** The version If-Match names: undefined for `*` (any version). One entity tag only. */
export function parseIfMatch(header: string | undefined, required: boolean): number | undefined {
  const value = header?.trim();
  if (value === undefined || value === '') {
    if (required) throw ifMatchRequired();
    return undefined;
  }
  if (value === '*') return undefined;
  const match = ENTITY_TAG.exec(value);
  if (!match) throw invalidIfMatch();
  return Number(match[1]);
}

const clip = (value: string | undefined, max: number) => value?.slice(0, max);

/** The caller as the authentication guard found it, with where the request came from. */
export function actorOf(request: FastifyRequest): Actor {
  const principal = request.principal;
  if (!principal) throw new Error('a command route ran without an authenticated principal');
  const userAgent = clip(request.headers['user-agent'], 512);
  return {
    type: principal.subjectType,
    id: principal.subject,
    ip: clip(request.ip, 64),
    ...(userAgent ? { userAgent } : {}),
  };
}

/** How a route treats If-Match: `required` refuses without it, `optional` checks it when sent. */
export type IfMatchMode = 'required' | 'optional' | 'ignored';

export function commandMetaOf(request: FastifyRequest, ifMatch: IfMatchMode): CommandMeta {
  const header = request.headers['if-match'];
  const expectedVersion =
    ifMatch === 'ignored'
      ? undefined
      : parseIfMatch(Array.isArray(header) ? header.join(',') : header, ifMatch === 'required');
  return {
    actor: actorOf(request),
    correlationId: request.id,
    causationId: null,
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  };
}

/** `@Meta()` (If-Match optional) or `@Meta({ ifMatch: 'required' })` on a command route. */
export const Meta = createParamDecorator(
  (options: { ifMatch: IfMatchMode } | undefined, context: ExecutionContext) =>
    commandMetaOf(
      context.switchToHttp().getRequest<FastifyRequest>(),
      options?.ifMatch ?? 'optional',
    ),
);
