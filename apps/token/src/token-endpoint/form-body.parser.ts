import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { FORM_CONTENT_TYPE, parseFormBody } from './form';

/**
 * Replaces Nest's form parser (fast-querystring, which folds repeated names into arrays and
 * differs from browsers on edge cases) with one giving URLSearchParams: the token endpoint must
 * see a repeated parameter to refuse it (RFC 6749 §3.2). Registered once the routes exist, before
 * Fastify boots; Fastify applies the instance's body limit.
 */
@Injectable()
export class FormBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser(FORM_CONTENT_TYPE))
      fastify.removeContentTypeParser(FORM_CONTENT_TYPE);
    fastify.addContentTypeParser(FORM_CONTENT_TYPE, { parseAs: 'string' }, (_request, body, done) =>
      done(null, parseFormBody(String(body))),
    );
  }
}
