import { deadLetterTopic, SERVICE_EVENT_TOPIC_PATTERN, Topics } from './topics';

describe('topics', () => {
  it('given every service topic, then each is versioned and matches the service pattern', () => {
    Object.values(Topics).forEach((topic) => {
      expect(topic).toMatch(/\.v[0-9]+$/);
      expect(topic).toMatch(SERVICE_EVENT_TOPIC_PATTERN);
    });
  });

  it('given a dead-letter topic, then it names group and source and is no service topic', () => {
    const dlq = deadLetterTopic('audit', Topics.tokenEvents);

    expect(dlq).toBe('dlq.audit.extapps.token.events.v1');
    expect(dlq).not.toMatch(SERVICE_EVENT_TOPIC_PATTERN);
  });
});
