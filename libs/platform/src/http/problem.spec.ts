import {
  ForbiddenException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
} from '@nestjs/common';
import { toProblem, VALIDATION_PROBLEM_TYPE } from './problem';
import { ValidationFailedException } from './validation';

const context = { instance: '/v1/apps/1', correlationId: 'c-1' };

describe('toProblem', () => {
  it('maps an HttpException to its status, reason phrase and message', () => {
    expect(toProblem(new NotFoundException('No app 1.'), context)).toEqual({
      unexpected: false,
      problem: {
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: 'No app 1.',
        instance: '/v1/apps/1',
        correlationId: 'c-1',
      },
    });
  });

  it('joins a list of messages and accepts a plain string response', () => {
    expect(
      toProblem(new HttpException({ message: ['a', 'b'] }, 409), context).problem,
    ).toMatchObject({ status: 409, title: 'Conflict', detail: 'a; b' });
    expect(toProblem(new HttpException('Slow down.', 429), context).problem.detail).toBe(
      'Slow down.',
    );
    expect(toProblem(new ForbiddenException(), context).problem.detail).toBe('Forbidden');
  });

  it('carries field errors for validation failures under their own type', () => {
    const errors = [{ field: 'name', message: 'required' }];
    expect(toProblem(new ValidationFailedException(errors), context).problem).toEqual({
      type: VALIDATION_PROBLEM_TYPE,
      title: 'Validation failed',
      status: 400,
      detail: 'The request is invalid; see errors.',
      instance: '/v1/apps/1',
      correlationId: 'c-1',
      errors,
    });
  });

  it('hides the message of anything unexpected behind a generic 500', () => {
    for (const error of [
      new Error('connection string mongodb://u:p@h'),
      'thrown string',
      new InternalServerErrorException('db down'),
    ]) {
      const { problem, unexpected } = toProblem(error, context);
      expect(unexpected).toBe(true);
      expect(problem).toMatchObject({
        status: 500,
        title: 'Internal Server Error',
        correlationId: 'c-1',
      });
      expect(problem.detail).toBe(
        'An unexpected error occurred. Quote the correlation id when reporting it.',
      );
    }
  });

  it("keeps Fastify's own client errors, such as a body over the limit", () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      statusCode: 413,
    });
    expect(toProblem(tooLarge, context)).toMatchObject({
      unexpected: false,
      problem: {
        status: 413,
        title: 'Payload Too Large',
        detail: 'Request body is too large',
      },
    });
    const other = Object.assign(new Error('boom'), {
      code: 'ECONNRESET',
      statusCode: 413,
    });
    expect(toProblem(other, context).problem.status).toBe(500);
  });
});
