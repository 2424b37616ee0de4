import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'pino';
import { CORRELATION_ID_HEADER } from '../logging/correlation';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';

/**
 * Fastify refuses a few requests before any hook, route or Nest filter runs (a malformed URL, an
 * over-long path parameter) and would answer them with its own JSON and no correlation id; this
 * answers them like the ProblemFilter does.
 */
export function frameworkErrorHandler(logger: Logger) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const correlationId = request.id;
    const instance = request.url.split('?')[0];
    const { problem, unexpected } = toProblem(error, { instance, correlationId });
    if (unexpected) logger.error({ err: error, correlationId, url: instance }, 'request failed');
    void reply
      .status(problem.status)
      .header(CORRELATION_ID_HEADER, correlationId)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem));
  };
}
