import { Controller, Get, Inject } from '@nestjs/common';
import { AdminScopes } from '@extapps/contracts';
import { MESSAGE_BUS, MessageBus } from '@extapps/messaging';
import { RequireScopes } from '@extapps/platform';
import { AUDITED_SOURCES } from './audited-sources';
import { AuditIngestion } from './audit-ingestion';
import { IngestionPipeline } from './ingestion-pipeline';
import { IngestionStatus, topicProgress } from './ingestion-status';

/** How far ingestion got, and what it refused: parked messages are reported, never hidden. */
@Controller('v1/audit/ingestion')
@RequireScopes(AdminScopes.auditRead)
export class IngestionController {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly ingestion: AuditIngestion,
    private readonly pipeline: IngestionPipeline,
  ) {}

  @Get()
  async status(): Promise<IngestionStatus> {
    const { groupId } = this.ingestion;
    const topics = await Promise.all(
      AUDITED_SOURCES.map((source) => topicProgress(this.bus, groupId, source)),
    );
    return {
      groupId,
      consumer: this.ingestion.state,
      topics,
      sinceStart: this.pipeline.stats.snapshot(),
    };
  }
}
