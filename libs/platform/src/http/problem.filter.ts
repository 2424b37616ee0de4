import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'pino';
import { ROOT_LOGGER } from '../tokens';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';

/** Every error leaving an HTTP handler becomes application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const correlationId = request.id;
    const { problem, unexpected } = toProblem(exception, {
      instance: request.url.split('?')[0],
      correlationId,
    });
    if (unexpected) {
      this.logger.error(
        {
          err: exception,
          correlationId,
          method: request.method,
          url: problem.instance,
        },
        'request failed',
      );
    }
    if (reply.sent) return;
    if (problem.status === HttpStatus.UNAUTHORIZED && !reply.hasHeader('www-authenticate')) {
      reply.header('www-authenticate', 'Bearer');
    }
    void reply
      .status(problem.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem));
  }
}
