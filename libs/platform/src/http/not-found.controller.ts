import { All, Controller, NotFoundException, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * Unknown paths are routed here rather than to the router's 404 so that the global guard runs
 * first: an anonymous caller gets 401 for every non-public path, known or not, and cannot probe
 * which admin routes exist; an authenticated caller gets 404. Fastify ranks this wildcard below
 * every static or parametric route, so it never shadows a real one.
 */
@Controller()
export class NotFoundController {
  @All('*')
  notFound(@Req() request: FastifyRequest): never {
    throw new NotFoundException(`No route for ${request.method} ${request.url.split('?')[0]}.`);
  }
}
