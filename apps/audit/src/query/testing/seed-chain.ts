import {
  ClientAuthenticationFailed,
  EventEnvelope,
  ExternalAppRegistered,
  ExternalAppRenamed,
  RoleAssigned,
  TokenIssued,
  Topics,
} from '@extapps/contracts';
import { Connection } from 'mongoose';
import { ChainCollections } from '../../chain/chain-documents';
import { chainHash, GENESIS_HASH } from '@extapps/contracts';
import { AUDITED_SOURCES } from '../../ingestion/audited-sources';
import { eventOf } from '../../normalization/testing/audit-events';
import { AuditCollections, AuditRecord } from '../../records/audit-record';
import { StoredAuditRecord } from '../record-view';

/** The audit record of `event` read from `topic`, recorded a second after it occurred. */
export function recordOf(topic: string, event: EventEnvelope): AuditRecord {
  const source = AUDITED_SOURCES.find((s) => s.topic === topic);
  if (!source) throw new Error(`no audited source ${topic}`);
  const recordedAt = new Date(Date.parse(event.occurredAt) + 1_000);
  return source.normalize(source.registry.parse(event), { source: topic, recordedAt });
}

/**
 * Appends records to `audit_records` as the chainer does (seq as `_id`, linked hashes) and, with
 * `marks`, the chainer's event id marks. For query tests, which must not wait for a chainer.
 */
export async function appendChained(
  db: Connection,
  records: readonly AuditRecord[],
  { marks = true } = {},
): Promise<StoredAuditRecord[]> {
  const collection = db.collection<StoredAuditRecord>(AuditCollections.records);
  const [last] = await collection.find({}).sort({ _id: -1 }).limit(1).toArray();
  let seq = last?._id ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const documents = records.map((record) => {
    seq += 1;
    const hash = chainHash(prevHash, record, seq);
    const document = { ...record, _id: seq, seq, prevHash, hash };
    prevHash = hash;
    return document;
  });
  if (documents.length === 0) return [];
  await collection.insertMany(documents);
  if (marks) {
    await db.collection(ChainCollections.eventIds).insertMany(
      documents.map(({ eventId, seq: at }) => ({
        _id: eventId,
        eventId,
        seq: at,
        attempt: 1,
      })) as object[],
    );
  }
  return documents;
}

export interface SampleOptions {
  /** The first event's time; the others follow ten minutes apart (default 2026-05-04T10:00Z). */
  readonly start?: Date;
  /** The two admins' ids (default admin-1, admin-2). */
  readonly admins?: readonly [string, string];
}

/** Five events of four categories, two apps, two admins, one failure; ten minutes apart. */
export function sampleEvents(
  appA: string,
  appB: string,
  options: SampleOptions = {},
): { topic: string; event: EventEnvelope }[] {
  const start = options.start ?? new Date('2026-05-04T10:00:00.000Z');
  const at = (minute: number) => new Date(start.getTime() + minute * 60_000);
  const [first, second] = options.admins ?? ['admin-1', 'admin-2'];
  const admin = (id: string) => ({ type: 'user' as const, id, displayName: id, ip: '203.0.113.1' });
  const registration = Topics.registrationEvents;
  return [
    {
      topic: registration,
      event: eventOf(
        ExternalAppRegistered,
        {
          appId: appA,
          name: 'Robot A',
          type: 'non-confidential',
          redirectUris: [],
          userScopes: [],
          applicationScopes: [],
          firstSecret: null,
        },
        { streamId: appA, actor: admin(first), occurredAt: at(0) },
      ),
    },
    {
      topic: Topics.tokenEvents,
      event: eventOf(
        TokenIssued,
        {
          clientId: appA,
          grantType: 'client_credentials',
          subject: appA,
          subjectType: 'app',
          scope: 'OR.Jobs',
          audience: ['OrchestratorApi'],
          jti: 'jti-1',
          expiresAt: new Date(at(70).getTime()).toISOString(),
          secretId: null,
        },
        { streamId: appA, actor: { type: 'app', id: appA }, occurredAt: at(10) },
      ),
    },
    {
      topic: Topics.tokenEvents,
      event: eventOf(
        ClientAuthenticationFailed,
        {
          clientId: appB,
          method: 'client_secret_basic',
          reason: 'wrong-secret',
          endpoint: 'token',
        },
        { streamId: appB, actor: { type: 'app', id: appB }, occurredAt: at(20) },
      ),
    },
    {
      topic: Topics.permissionsEvents,
      event: eventOf(
        RoleAssigned,
        {
          assignmentId: `as-${appA}`,
          before: null,
          after: {
            principal: { type: 'app', id: appA },
            roleId: 'r-1',
            tenantId: 't-1',
            folderId: null,
          },
        },
        { streamId: `as-${appA}`, actor: admin(second), occurredAt: at(30) },
      ),
    },
    {
      topic: registration,
      event: eventOf(
        ExternalAppRenamed,
        { before: 'Robot B', after: 'Robot Bee' },
        { streamId: appB, actor: admin(first), occurredAt: at(40) },
      ),
    },
  ];
}

/** The records of sampleEvents, as ingestion makes them. */
export function sampleRecords(appA: string, appB: string, options: SampleOptions = {}) {
  return sampleEvents(appA, appB, options).map(({ topic, event }) => recordOf(topic, event));
}
