import { DynamicModule } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { createServer, IncomingMessage, RequestListener, Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DestinationStream, Logger } from 'pino';
import { BaseConfig } from '../config/base-config';
import { FastLane } from '../http/fast-lane';
import { frameworkErrorHandler } from '../http/framework-errors';
import { registerRequestHooks } from '../http/request-hooks';
import { CORRELATION_ID_HEADER, resolveCorrelationId } from '../logging/correlation';
import { createLogger } from '../logging/logger';
import { PinoNestLogger } from '../logging/nest-logger';
import { ServiceContextModule } from './service-context';

export interface HttpAppOptions {
  readonly name: string;
  readonly logger: Logger;
  readonly bodyLimitBytes: number;
  /** Adds Fastify hooks or plugins; runs before Nest registers routes and Fastify boots. */
  readonly configureFastify?: (fastify: FastifyInstance) => void;
}

/** A Nest app on Fastify with correlation ids, JSON logs and access logs; initialised, not listening. */
export async function createHttpApp(
  appModule: DynamicModule,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const fastLane = new FastLane(options.logger, options.bodyLimitBytes);
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes,
    serverFactory: (handler: RequestListener, serverOptions: HttpServerOptions) =>
      serverWithFastLane(fastLane, handler, serverOptions),
    // Our own access log replaces Fastify's; the request id doubles as the correlation id.
    logger: false,
    genReqId: (request: IncomingMessage) =>
      resolveCorrelationId(request.headers[CORRELATION_ID_HEADER]),
    // While closing, Fastify answers new requests with 503 and closes idle keep-alive sockets.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    frameworkErrors: frameworkErrorHandler(options.logger),
  });
  registerRequestHooks(adapter.getInstance(), options.logger);
  adapter.getInstance().addHook('preClose', (done) => {
    fastLane.close();
    done();
  });
  options.configureFastify?.(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(
    ServiceContextModule.wrap(options.name, options.logger, appModule, fastLane),
    adapter,
    // abortOnError false: a failing start-up rejects (and is logged) instead of process.abort().
    { logger: new PinoNestLogger(options.logger), abortOnError: false },
  );
  await app.init();
  return app;
}

export interface ServiceAppOptions<C extends BaseConfig> {
  readonly name: string;
  readonly config: C;
  /** The service's root module, given its validated config. */
  readonly appModule: (config: C) => DynamicModule;
  /** Log output; stdout when omitted. */
  readonly logDestination?: DestinationStream;
  readonly logger?: Logger;
}

/** Builds the whole service; tests call this and `listen(0, '127.0.0.1')`, main.ts goes through bootstrapService. */
export function createServiceApp<C extends BaseConfig>(
  options: ServiceAppOptions<C>,
): Promise<NestFastifyApplication> {
  const logger =
    options.logger ??
    createLogger({
      service: options.name,
      level: options.config.LOG_LEVEL,
      destination: options.logDestination,
    });
  return createHttpApp(options.appModule(options.config), {
    name: options.name,
    logger,
    bodyLimitBytes: options.config.BODY_LIMIT_BYTES,
  });
}

interface HttpServerOptions {
  readonly keepAliveTimeout?: number;
  readonly requestTimeout?: number;
  readonly connectionTimeout?: number;
  readonly maxRequestsPerSocket?: number;
}

/** Fastify's own HTTP/1 server set-up (its timeouts), with the fast lane in front of its handler. */
function serverWithFastLane(
  fastLane: FastLane,
  fastify: RequestListener,
  options: HttpServerOptions,
): Server {
  const server = createServer((request, response) => {
    if (!fastLane.dispatch(request, response)) fastify(request, response);
  });
  if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
  if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
  if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout);
  if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
  return server;
}
