/**
 * Versioned topic names. A breaking change to a topic's events gets a new `.vN` topic, so old
 * consumers keep reading the old one. Messages are keyed by aggregate (stream) id.
 */
export const Topics = {
  registrationEvents: 'extapps.registration.events.v1',
  tokenEvents: 'extapps.token.events.v1',
  permissionsEvents: 'extapps.permissions.events.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Every service event topic, present and future (the audit service subscribes by this pattern). */
export const SERVICE_EVENT_TOPIC_PATTERN = /^extapps\.[a-z-]+\.events\.v[0-9]+$/;

/**
 * Where a consumer group parks messages it could not handle. One per group and source topic, so
 * replaying a parked message reaches only the consumer that failed on it. The name does not match
 * SERVICE_EVENT_TOPIC_PATTERN, so dead letters are never mistaken for events.
 */
export function deadLetterTopic(groupId: string, topic: string): string {
  return `dlq.${groupId}.${topic}`;
}
