import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, toProblem } from '@extapps/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppProblem, problemType } from './problems';

/**
 * Renders AppProblem like the platform's ProblemFilter, plus its type URN and extension members.
 * Bound with @UseFilters on the command controllers, so it runs before the global catch-all.
 */
@Catch(AppProblem)
export class AppProblemFilter implements ExceptionFilter {
  catch(exception: AppProblem, host: ArgumentsHost): void {
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
