import { ExternalAppEnabled, Topics } from '@extapps/contracts';
import { IncomingMessage } from '@extapps/messaging';
import { ManualClock } from '@extapps/testing';
import { eventOf } from '../normalization/testing/audit-events';
import { AUDITED_SOURCES } from './audited-sources';
import { IngestionPipeline } from './ingestion-pipeline';
import { MemoryPendingRecords } from './testing/memory-pending';

let offset = 0;
const message = (topic: string, value: string): IncomingMessage => ({
  topic,
  partition: 0,
  offset: String(offset++),
  key: 'k',
  value: Buffer.from(value),
  headers: {},
  timestamp: new Date(0),
});

function setup() {
  const pending = new MemoryPendingRecords();
  const clock = new ManualClock('2026-05-04T10:00:01.000Z');
  let wakes = 0;
  const pipeline = new IngestionPipeline(AUDITED_SOURCES, pending, clock, () => void wakes++);
  return { pending, pipeline, wakes: () => wakes };
}

describe('IngestionPipeline', () => {
  it('given a batch of valid events, then each is stored, stamped with the clock, and the chainer woken', async () => {
    const { pending, pipeline, wakes } = setup();
    const events = [eventOf(ExternalAppEnabled, {}), eventOf(ExternalAppEnabled, {})];

    const outcome = await pipeline.ingest(
      events.map((e) => message(Topics.registrationEvents, JSON.stringify(e))),
    );

    expect(outcome).toEqual({ stored: 2, duplicates: 0, refused: [] });
    expect([...pending.records.values()].map((r) => r.recordedAt)).toEqual([
      '2026-05-04T10:00:01.000Z',
      '2026-05-04T10:00:01.000Z',
    ]);
    expect(wakes()).toBe(1);
  });

  it('given events already stored, then they count as duplicates and nothing wakes the chainer', async () => {
    const { pipeline, wakes } = setup();
    const batch = [
      message(Topics.registrationEvents, JSON.stringify(eventOf(ExternalAppEnabled, {}))),
    ];
    await pipeline.ingest(batch);

    const again = await pipeline.ingest(batch);

    expect(again).toMatchObject({ stored: 0, duplicates: 1 });
    expect(pipeline.stats.snapshot()).toMatchObject({ stored: 1, duplicates: 1 });
    expect(wakes()).toBe(1);
  });

  it('given poison among valid events, then the valid ones are stored and the poison returned with its reason', async () => {
    const { pending, pipeline } = setup();
    const valid = eventOf(ExternalAppEnabled, {});
    const unknownTopic = message('extapps.billing.events.v1', JSON.stringify(valid));

    const outcome = await pipeline.ingest([
      message(Topics.registrationEvents, 'not json'),
      message(Topics.registrationEvents, JSON.stringify(valid)),
      unknownTopic,
    ]);

    expect(outcome.stored).toBe(1);
    expect(outcome.refused.map((r) => r.error.message)).toEqual([
      expect.stringMatching(/^not a valid event: /),
      'no audit mapping for topic extapps.billing.events.v1',
    ]);
    expect(pending.records.has(valid.eventId)).toBe(true);
    expect(pipeline.stats.snapshot().recentlyRefused[1]).toEqual({
      topic: 'extapps.billing.events.v1',
      partition: 0,
      offset: unknownTopic.offset,
      reason: 'no audit mapping for topic extapps.billing.events.v1',
      at: '2026-05-04T10:00:01.000Z',
    });
  });

  it('given a store that fails, then the batch rejects and nothing is counted', async () => {
    const { pending, pipeline } = setup();
    pending.failNext = 1;
    const batch = [
      message(Topics.registrationEvents, JSON.stringify(eventOf(ExternalAppEnabled, {}))),
    ];

    await expect(pipeline.ingest(batch)).rejects.toThrow('MongoDB unreachable');
    expect(pipeline.stats.snapshot()).toMatchObject({ stored: 0, refused: 0 });
  });
});
