import { z } from 'zod';
import { defineEvent } from '../events/event-definition';
import { displayNameSchema, userIdSchema, usernameSchema } from './user-values';

/*
 * The organization user directory kept by the token service (login for the authorization code
 * grant). Stream id is the user id; a password or its hash never appears in an event.
 */

export const UserCreated = defineEvent(
  'UserCreated',
  1,
  z
    .object({ userId: userIdSchema, username: usernameSchema, displayName: displayNameSchema })
    .strict(),
);

export const UserPasswordChanged = defineEvent(
  'UserPasswordChanged',
  1,
  z.object({ userId: userIdSchema }).strict(),
);

export const UserDisabled = defineEvent('UserDisabled', 1, z.object({}).strict());
export const UserEnabled = defineEvent('UserEnabled', 1, z.object({}).strict());
/** Final: the user id and username are never reused. */
export const UserDeleted = defineEvent('UserDeleted', 1, z.object({}).strict());

/** Too many failed sign-ins: refused until `until` (an ISO 8601 UTC instant). */
export const UserLockedOut = defineEvent(
  'UserLockedOut',
  1,
  z.object({ userId: userIdSchema, until: z.iso.datetime({ offset: false }) }).strict(),
);

/** An administrator ended a lockout before its end. */
export const UserUnlocked = defineEvent(
  'UserUnlocked',
  1,
  z.object({ userId: userIdSchema }).strict(),
);

export const userDirectoryEvents = [
  UserCreated,
  UserPasswordChanged,
  UserDisabled,
  UserEnabled,
  UserDeleted,
  UserLockedOut,
  UserUnlocked,
] as const;
