import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from 'pino';
import {
  CORRELATION_ID_HEADER,
  resolveCorrelationId,
  runWithCorrelationId,
} from '../logging/correlation';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';

export interface FastLaneRequest {
  readonly headers: IncomingHttpHeaders;
  /** The whole body, decoded as UTF-8. */
  readonly body: string;
  readonly ip: string;
  readonly correlationId: string;
}

export interface FastLaneResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface FastRoute {
  readonly method: 'POST';
  /** Matched exactly: a request with a query string goes the normal way. */
  readonly path: string;
  /** The media type taken here (parameters such as charset allowed); any other goes the normal way. */
  readonly contentType: string;
  /**
   * Asked before the body is read: false sends the request the normal way. For what only the
   * normal pipeline answers right, e.g. a bearer token not yet verified (see the caveat below).
   */
  readonly accepts?: (request: IncomingMessage) => boolean;
  readonly handle: (request: FastLaneRequest) => Promise<FastLaneResponse>;
}

/**
 * A few hot routes answered straight from Node's HTTP server, before Fastify and Nest: their
 * router, hooks, guards and interceptors cost more than some handlers (the token endpoint spends
 * about half its time there). Only the plain case is taken — exact path, the route's content type,
 * a declared length within the body limit, the server not closing; anything else falls through to
 * the normal pipeline, which keeps answering every edge case the same way. What the pipeline gives
 * every request is done here too: the correlation id (echoed, in the async context), the access
 * log line, `Connection: close` while shutting down, and problem+json for an unexpected failure.
 * Caveat: a route here bypasses the global guard, so it must authenticate callers itself (or
 * accept only callers the guard already authenticated, through `accepts`).
 */
export class FastLane {
  private readonly routes = new Map<string, FastRoute>();
  private closing = false;

  constructor(
    private readonly logger: Logger,
    private readonly bodyLimitBytes: number,
  ) {}

  add(route: FastRoute): void {
    this.routes.set(`${route.method} ${route.path}`, route);
  }

  /** From now on every request goes the normal way (Fastify answers 503 while closing). */
  close(): void {
    this.closing = true;
  }

  /** Takes the request and answers it, or returns false and leaves it untouched. */
  dispatch(request: IncomingMessage, response: ServerResponse): boolean {
    if (this.closing || this.routes.size === 0) return false;
    const route = this.routes.get(`${request.method} ${request.url}`);
    if (!route || !this.acceptable(request, route)) return false;
    if (route.accepts && !route.accepts(request)) return false;
    const started = process.hrtime.bigint();
    const correlationId = resolveCorrelationId(request.headers[CORRELATION_ID_HEADER]);
    readBody(request, (body) =>
      runWithCorrelationId(correlationId, () => {
        const ip = request.socket.remoteAddress ?? '';
        route
          .handle({ headers: request.headers, body, ip, correlationId })
          .catch((error: unknown) => this.failure(error, request, correlationId))
          .then((answer) => this.send(response, answer, correlationId))
          .then(() => this.logCompleted(request, response, correlationId, started))
          .catch((error: unknown) =>
            this.logger.error({ err: error, correlationId }, 'answer failed'),
          );
      }),
    );
    return true;
  }

  private acceptable(request: IncomingMessage, route: FastRoute): boolean {
    const type = request.headers['content-type'];
    if (type === undefined || !mediaTypeIs(type, route.contentType)) return false;
    if (request.headers['transfer-encoding'] !== undefined) return false;
    const length = Number(request.headers['content-length']);
    return Number.isInteger(length) && length >= 0 && length <= this.bodyLimitBytes;
  }

  private failure(
    error: unknown,
    request: IncomingMessage,
    correlationId: string,
  ): FastLaneResponse {
    const instance = request.url ?? '';
    const { problem, unexpected } = toProblem(error, { instance, correlationId });
    if (unexpected)
      this.logger.error({ err: error, correlationId, url: instance }, 'request failed');
    return {
      status: problem.status,
      headers: { 'content-type': PROBLEM_CONTENT_TYPE },
      body: JSON.stringify(problem),
    };
  }

  private send(response: ServerResponse, answer: FastLaneResponse, correlationId: string): void {
    const headers: Record<string, string | number> = {
      ...answer.headers,
      [CORRELATION_ID_HEADER]: correlationId,
      'content-length': Buffer.byteLength(answer.body),
    };
    if (this.closing) headers['connection'] = 'close';
    response.writeHead(answer.status, headers).end(answer.body);
  }

  private logCompleted(
    request: IncomingMessage,
    response: ServerResponse,
    correlationId: string,
    started: bigint,
  ): void {
    if (!this.logger.isLevelEnabled('info')) return;
    const durationMs = Number((process.hrtime.bigint() - started) / 100_000n) / 10;
    this.logger.info(
      {
        correlationId,
        method: request.method,
        url: request.url,
        status: response.statusCode,
        durationMs,
      },
      'request completed',
    );
  }
}

function mediaTypeIs(header: string, expected: string): boolean {
  const semicolon = header.indexOf(';');
  const type = (semicolon === -1 ? header : header.slice(0, semicolon)).trim();
  return type.toLowerCase() === expected;
}

/** The declared length was checked against the limit; Node's parser holds the body to it. */
function readBody(request: IncomingMessage, done: (body: string) => void): void {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
  // A client that goes away mid-body gets no answer; the socket is already closing.
  request.on('error', () => request.socket.destroy());
}
