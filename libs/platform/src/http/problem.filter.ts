import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpExceptionOptions,
  HttpStatus,
  Inject,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'pino';
import { ROOT_LOGGER } from '../tokens';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';

/**
 * An HttpException whose response must carry headers (WWW-Authenticate, Retry-After): the filter
 * writes the response itself, so headers travel on the exception rather than being set on the reply.
 */
export class HttpExceptionWithHeaders extends HttpException {
  constructor(
    detail: string,
    status: number,
    readonly headers: Readonly<Record<string, string>>,
    options?: HttpExceptionOptions,
  ) {
    super(detail, status, options);
  }
}

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
    if (exception instanceof HttpExceptionWithHeaders) void reply.headers(exception.headers);
    if (problem.status === HttpStatus.UNAUTHORIZED && !reply.hasHeader('www-authenticate')) {
      reply.header('www-authenticate', 'Bearer');
    }
    void reply
      .status(problem.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem));
  }
}
