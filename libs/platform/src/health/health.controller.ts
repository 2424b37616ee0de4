import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Logger } from 'pino';
import { Public } from '../http/public.decorator';
import { ROOT_LOGGER } from '../tokens';
import {
  HEALTH_INDICATORS,
  HealthIndicator,
  READINESS_OPTIONS,
  ReadinessOptions,
  ReadinessReport,
} from './health-indicator';
import { checkReadiness } from './readiness';

@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HEALTH_INDICATORS)
    private readonly indicators: readonly HealthIndicator[],
    @Inject(READINESS_OPTIONS) private readonly options: ReadinessOptions,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /** The process runs and serves HTTP; says nothing about dependencies (restart is no cure). */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessReport> {
    const { report, failures } = await checkReadiness(this.indicators, this.options);
    if (failures.length > 0) {
      this.logger.warn({ failures }, 'not ready');
      void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    }
    void reply.header('cache-control', 'no-store');
    return report;
  }
}
