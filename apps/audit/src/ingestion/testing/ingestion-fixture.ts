import {
  ClientAuthenticationFailed,
  ExternalAppRenamed,
  RoleAssigned,
  Topics,
} from '@extapps/contracts';
import { BatchingMessageBus } from '@extapps/messaging';
import { eventually, uniqueName } from '@extapps/testing';
import { Connection } from 'mongoose';
import pino from 'pino';
import { eventOf } from '../../normalization/testing/audit-events';
import { AuditCollections, AuditRecord } from '../../records/audit-record';
import { PendingAuditDocument } from '../../records/pending-record';
import { AUDITED_SOURCES } from '../audited-sources';
import { AuditIngestion, IngestionTuning } from '../audit-ingestion';
import { IngestionPipeline, PendingRecords } from '../ingestion-pipeline';
import { DEFAULT_INGESTION_BATCH_SIZE } from '../ingestion.settings';

export const silentLogger = pino({ level: 'silent' });

/** AuditIngestion as the module wires it, on the given bus and store, with a group of its own. */
export function ingestionOn(
  bus: BatchingMessageBus,
  pending: PendingRecords,
  tuning: IngestionTuning = {},
  batchSize = DEFAULT_INGESTION_BATCH_SIZE,
): { ingestion: AuditIngestion; pipeline: IngestionPipeline; groupId: string } {
  const groupId = uniqueName('audit-ingest');
  const pipeline = new IngestionPipeline(AUDITED_SOURCES, pending, { now: () => new Date() });
  const settings = { INGESTION_GROUP_ID: groupId, INGESTION_BATCH_SIZE: batchSize };
  const ingestion = new AuditIngestion(bus, pipeline, settings, silentLogger, tuning);
  return { ingestion, pipeline, groupId };
}

/** One valid event of each audited service, on its own topic, about `appId`. */
export function oneEventPerTopic(appId: string) {
  const onApp = { streamId: appId };
  return [
    {
      topic: Topics.registrationEvents,
      event: eventOf(ExternalAppRenamed, { before: 'Old', after: 'New' }, onApp),
    },
    {
      topic: Topics.tokenEvents,
      event: eventOf(
        ClientAuthenticationFailed,
        {
          clientId: appId,
          method: 'client_secret_basic',
          reason: 'wrong-secret',
          endpoint: 'token',
        },
        { ...onApp, actor: { type: 'app', id: appId, ip: '198.51.100.7' } },
      ),
    },
    {
      topic: Topics.permissionsEvents,
      event: eventOf(
        RoleAssigned,
        {
          assignmentId: uniqueName('a'),
          before: null,
          after: {
            principal: { type: 'app', id: appId },
            roleId: 'r-1',
            tenantId: 't-1',
            folderId: null,
          },
        },
        { streamId: uniqueName('a') },
      ),
    },
  ];
}

/** The pending documents of these events, as stored. */
export const pendingOf = (db: Connection, eventIds: readonly string[]) =>
  db
    .collection<PendingAuditDocument>(AuditCollections.pending)
    .find({ _id: { $in: [...eventIds] } })
    .toArray();

/** The record a pending document holds as JSON text (a legacy document fails to parse). */
export const recordOf = (document: PendingAuditDocument): AuditRecord =>
  JSON.parse(document.record) as AuditRecord;

/** Resolves once `groupId` committed everything published so far on every audited topic. */
export function caughtUp(
  bus: BatchingMessageBus,
  groupId: string,
  timeoutMs = 30_000,
): Promise<void> {
  return eventually(
    async () => {
      for (const { topic } of AUDITED_SOURCES) {
        const [ends, committed] = await Promise.all([
          bus.endOffsets(topic),
          bus.committedOffsets(groupId, topic),
        ]);
        expect(committed.map((c) => c.offset ?? '0')).toEqual(ends.map((e) => e.offset));
      }
    },
    { timeoutMs, intervalMs: 200 },
  );
}
