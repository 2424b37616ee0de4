import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, toProblem } from '@extapps/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PermissionsProblem, problemType } from './problems';

/**
 * Renders PermissionsProblem like the platform's ProblemFilter, plus its type URN and extension
 * members. Bind with @UseFilters on the service's controllers, so it runs before the catch-all.
 */
@Catch(PermissionsProblem)
export class ProblemCodeFilter implements ExceptionFilter {
  catch(exception: PermissionsProblem, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { problem } = toProblem(exception, {
      instance: request.url.split('?')[0],
      correlationId: request.id,
    });
    const body = {
      ...problem,
      type: problemType(exception.code),
      code: exception.code,
      ...exception.extensions,
    };
    void reply
      .status(problem.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(body));
  }
}
