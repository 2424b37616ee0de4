import {
  EventOf,
  PermissionsEvent,
  permissionsEvents,
  RegistrationEvent,
  registrationEvents,
  userDirectoryEvents,
} from '@extapps/contracts';

export type UserDirectoryEvent = EventOf<(typeof userDirectoryEvents)[number]>;

/** What the index reads of an envelope: the parts AccessProjection.apply is given. */
type Applied<E> = E extends {
  type: infer T;
  streamId: string;
  streamVersion: number;
  data: infer D;
}
  ? {
      readonly type: T;
      readonly streamId: string;
      readonly streamVersion: number;
      readonly data: D;
    }
  : never;

export type PermissionsChange = Applied<PermissionsEvent>;
export type RegistrationChange = Applied<RegistrationEvent>;
export type UserDirectoryChange = Applied<UserDirectoryEvent>;
export type AccessChange = PermissionsChange | RegistrationChange | UserDirectoryChange;

/** Registration events that change what the index knows of an app (the rest only its version). */
export const APP_EVENT_TYPES: ReadonlySet<string> = new Set<RegistrationChange['type']>([
  'ExternalAppRegistered',
  'ScopesChanged',
  'ExternalAppDisabled',
  'ExternalAppEnabled',
  'ExternalAppDeleted',
]);

/**
 * Token events the index applies: the user directory's, which are versioned per user. Every
 * other token event is a record (streamVersion always 1, stream id a client or user id) and must
 * not be taken for a user's history.
 */
export const USER_EVENT_TYPES: ReadonlySet<string> = new Set<string>(
  userDirectoryEvents.map((d) => d.type),
);

export const PERMISSIONS_EVENT_TYPES: ReadonlySet<string> = new Set<string>(
  permissionsEvents.map((d) => d.type),
);

export const REGISTRATION_EVENT_TYPES: ReadonlySet<string> = new Set<string>(
  registrationEvents.map((d) => d.type),
);
