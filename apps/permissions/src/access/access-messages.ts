import {
  EventEnvelope,
  EventRegistry,
  permissionsEvents,
  registrationEvents,
  tokenEvents,
} from '@extapps/contracts';
import {
  errorMessage,
  EventHeaders,
  IncomingMessage,
  PoisonMessageError,
} from '@extapps/messaging';
import { APP_EVENT_TYPES, PERMISSIONS_EVENT_TYPES, USER_EVENT_TYPES } from './access-events';

/** Every event of the three topics the index reads: the rest of the wire is unknown. */
const KNOWN = new EventRegistry([...permissionsEvents, ...registrationEvents, ...tokenEvents]);
const KNOWN_TYPES = new Set<string>(
  [...permissionsEvents, ...registrationEvents, ...tokenEvents].map((d) => d.type),
);

/** Whether the index applies events of this type (the others are read past). */
export const isIndexed = (type: string): boolean =>
  PERMISSIONS_EVENT_TYPES.has(type) || APP_EVENT_TYPES.has(type) || USER_EVENT_TYPES.has(type);

/**
 * The event in a message, validated; null for an event the index does not use. Most of the token
 * topic is token records and most registration events concern secrets: the type header lets
 * them be skipped unparsed, which is most of the catch-up time saved. A message that is no valid
 * event of a known type is poison (parked), as with createEventConsumer.
 */
export function decodeAccessMessage(message: IncomingMessage): EventEnvelope | null {
  const header = message.headers[EventHeaders.type];
  if (header !== undefined && KNOWN_TYPES.has(header) && !isIndexed(header)) return null;
  let event: EventEnvelope;
  try {
    event = KNOWN.parse(JSON.parse(message.value.toString('utf8')));
  } catch (error) {
    throw new PoisonMessageError(`not a valid event: ${errorMessage(error)}`, { cause: error });
  }
  return isIndexed(event.type) ? event : null;
}
