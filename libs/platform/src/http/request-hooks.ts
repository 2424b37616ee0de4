import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Logger } from 'pino';
import { CORRELATION_ID_HEADER, runWithCorrelationId } from '../logging/correlation';

const pathOf = (request: FastifyRequest) => request.url.split('?')[0];

/**
 * Per request: echo the correlation id (Fastify's request.id, see genReqId in create-app), bind it
 * to the async context so every log line carries it, and write one access-log line at the end.
 * The query string is left out of the log because it may carry credentials.
 */
export function registerRequestHooks(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(CORRELATION_ID_HEADER, request.id);
    runWithCorrelationId(request.id, done);
  });
  // Body parsing resumes on the socket's stream events, outside the context entered above, so the
  // context is entered again before validation, guards and the handler run.
  fastify.addHook('preValidation', (request, _reply, done) => {
    runWithCorrelationId(request.id, done);
  });
  closeKeptAliveConnectionsOnShutdown(fastify);
  fastify.addHook('onResponse', (request, reply, done) => {
    logger.info(
      {
        correlationId: request.id,
        method: request.method,
        url: pathOf(request),
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
    done();
  });
}

/**
 * Node's server.close() closes idle keep-alive sockets once, when it starts; a socket busy with a
 * request at that moment would then idle until the keep-alive timeout (72 s) and hold up the
 * shutdown. Answering with `Connection: close` once closing has begun ends each socket as soon
 * as its last response is out.
 */
function closeKeptAliveConnectionsOnShutdown(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
}
