import { EventEnvelope, ExternalAppEnabled, TokenIssued, Topics } from '@extapps/contracts';
import { IncomingMessage, ReceivedEvent } from '@extapps/messaging';
import { ManualClock } from '@extapps/testing';
import { eventOf } from '../normalization/testing/audit-events';
import { AuditedEvent, AUDITED_SOURCES } from './audited-sources';
import { IngestionPipeline } from './ingestion-pipeline';
import { MemoryPendingRecords } from './testing/memory-pending';

let offset = 0;
const received = (topic: string, event: EventEnvelope): ReceivedEvent<AuditedEvent> => ({
  // Sound for the fixtures below: eventOf validated each against the audited definitions.
  event: event as AuditedEvent,
  context: { topic, partition: 0, offset: String(offset++) },
});
const enabled = () => eventOf(ExternalAppEnabled, {});

function setup() {
  const pending = new MemoryPendingRecords();
  const clock = new ManualClock('2026-05-04T10:00:01.000Z');
  let wakes = 0;
  const pipeline = new IngestionPipeline(AUDITED_SOURCES, pending, clock, () => void wakes++);
  return { pending, pipeline, wakes: () => wakes };
}

describe('IngestionPipeline', () => {
  it('given a batch of valid events, then they are stored in one call, stamped with the clock, and the chainer woken once', async () => {
    const { pending, pipeline, wakes } = setup();
    const events = [enabled(), enabled(), enabled()];

    const outcome = await pipeline.ingest(
      events.map((e) => received(Topics.registrationEvents, e)),
    );

    expect(outcome).toEqual({ stored: 3, duplicates: 0, refused: [] });
    expect(pending.calls).toBe(1);
    expect([...pending.records.values()].map((r) => r.recordedAt)).toEqual(
      Array(3).fill('2026-05-04T10:00:01.000Z'),
    );
    expect(wakes()).toBe(1);
  });

  it('given events already stored, and one twice in the batch, then they count as duplicates and nothing wakes the chainer', async () => {
    const { pipeline, wakes } = setup();
    const event = received(Topics.registrationEvents, enabled());
    await pipeline.ingest([event]);

    const again = await pipeline.ingest([event, event]);

    expect(again).toMatchObject({ stored: 0, duplicates: 2 });
    expect(pipeline.stats.snapshot()).toMatchObject({ stored: 1, duplicates: 2 });
    expect(wakes()).toBe(1);
  });

  it('given events of a topic without mapping or of another service, then the valid ones are stored and those refused with their reason', async () => {
    const { pending, pipeline } = setup();
    const valid = enabled();
    const misplaced = eventOf(TokenIssued, {
      clientId: 'app-1',
      grantType: 'client_credentials',
      subject: 'app-1',
      subjectType: 'app',
      scope: 'OR.Jobs',
      audience: ['OrchestratorApi'],
      jti: 'j-1',
      expiresAt: '2026-05-04T11:00:00.000Z',
      secretId: null,
    });
    const unmapped = received('extapps.billing.events.v1', enabled());

    const outcome = await pipeline.ingest([
      received(Topics.registrationEvents, misplaced),
      received(Topics.registrationEvents, valid),
      unmapped,
    ]);

    expect(outcome.stored).toBe(1);
    expect(outcome.refused.map((r) => r.reason)).toEqual([
      `not a valid event: unknown event: TokenIssued at schema version 1 (no event of ${Topics.registrationEvents})`,
      'no audit mapping for topic extapps.billing.events.v1',
    ]);
    expect(outcome.refused[1]?.received).toBe(unmapped);
    expect(pending.records.has(valid.eventId)).toBe(true);
    expect(pipeline.stats.snapshot().recentlyRefused[1]).toEqual({
      topic: 'extapps.billing.events.v1',
      partition: 0,
      offset: unmapped.context.offset,
      reason: 'no audit mapping for topic extapps.billing.events.v1',
      at: '2026-05-04T10:00:01.000Z',
    });
  });

  it('given a message that is no event at all, then it is counted as refused with where it was', () => {
    const { pipeline } = setup();
    const message: IncomingMessage = {
      topic: Topics.tokenEvents,
      partition: 2,
      offset: '17',
      key: 'k',
      value: Buffer.from('not json'),
      headers: {},
      timestamp: new Date(0),
    };

    pipeline.refuseInvalid(message, 'not a valid event: Unexpected token');

    expect(pipeline.stats.snapshot()).toMatchObject({
      refused: 1,
      recentlyRefused: [
        {
          topic: Topics.tokenEvents,
          partition: 2,
          offset: '17',
          reason: 'not a valid event: Unexpected token',
          at: '2026-05-04T10:00:01.000Z',
        },
      ],
    });
  });

  it('given a store that fails, then the batch rejects and nothing is counted', async () => {
    const { pending, pipeline } = setup();
    pending.failNext = 1;

    await expect(pipeline.ingest([received(Topics.registrationEvents, enabled())])).rejects.toThrow(
      'MongoDB unreachable',
    );
    expect(pipeline.stats.snapshot()).toMatchObject({ stored: 0, refused: 0 });
  });
});
