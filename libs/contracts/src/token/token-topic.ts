import { EventOf } from '../events/event-definition';
import { tokenGrantEvents } from './token-events';
import { userDirectoryEvents } from './user-events';

/**
 * Every event of the token service, on `extapps.token.events.v1`. Token events are records, not an
 * event-sourced stream: the stream id is the client id (user id for sign-ins and the user
 * directory), keyed so one app's events stay in order; `streamVersion` is 1 unless the event
 * comes from a versioned aggregate (the user directory). Consumers dedupe by `eventId`.
 */
export const tokenEvents = [...tokenGrantEvents, ...userDirectoryEvents] as const;
export type TokenEvent = EventOf<(typeof tokenEvents)[number]>;
