import { TokenEvent, Topics } from '@extapps/contracts';
import { recordTopic, TopicRecorder } from '@extapps/event-store/testing';
import { KafkaBus } from '@extapps/messaging';
import { uniqueName } from '@extapps/testing';
import { TOKEN_EVENTS_PARTITIONS } from '../../events/token-events-relay';

/**
 * Reads `extapps.token.events.v1` from the beginning for the whole suite (beforeAll/afterAll),
 * as a consumer of the token service's events would: each event once, by stream.
 */
export function useTokenTopic() {
  const bus = new KafkaBus({
    brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
    clientId: uniqueName('token-topic-reader'),
    consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, maxWaitTimeMs: 100 },
  });
  let recorder: TopicRecorder | undefined;

  beforeAll(async () => {
    await bus.ensureTopics([{ topic: Topics.tokenEvents, partitions: TOKEN_EVENTS_PARTITIONS }]);
    recorder = await recordTopic(bus, Topics.tokenEvents);
  });

  afterAll(async () => {
    await recorder?.stop();
    await bus.close();
  });

  return {
    /** The events of one stream (message key), each once, in the order they were published. */
    eventsOf(streamId: string): TokenEvent[] {
      const events = (recorder?.messages ?? [])
        .filter((m) => m.key === streamId)
        .map((m) => JSON.parse(m.value.toString('utf8')) as TokenEvent);
      return [...new Map(events.map((e) => [e.eventId, e])).values()];
    },
  };
}
