import { EventOf, userDirectoryEvents } from '@extapps/contracts';
import { changed, RecordFacts, succeeded, target, unknownEvent } from './record-base';

type UserDirectoryEvent = EventOf<(typeof userDirectoryEvents)[number]>;

/** The token service's organization users; the stream id is the user id. */
export function userDirectoryFacts(event: UserDirectoryEvent): RecordFacts {
  const user = (action: string, changes: RecordFacts['changes'], name: string | null = null) => ({
    action: `user.${action}`,
    category: 'user-management' as const,
    target: target('user', event.streamId, name),
    outcome: succeeded,
    changes,
  });
  switch (event.type) {
    case 'UserCreated': {
      const { username, displayName } = event.data;
      return user('created', changed(null, { username, displayName }), username);
    }
    // Neither the password nor its hash is ever in an event: the change itself is the record.
    case 'UserPasswordChanged':
      return user('password-changed', null);
    case 'UserDisabled':
      return user('disabled', changed({ status: 'active' }, { status: 'disabled' }));
    case 'UserEnabled':
      return user('enabled', changed({ status: 'disabled' }, { status: 'active' }));
    case 'UserDeleted':
      return user('deleted', null);
    case 'UserLockedOut':
      // A lockout starts only for an active user who is not locked out already.
      return user(
        'locked-out',
        changed({ lockedOut: false }, { lockedOut: true, lockedUntil: event.data.until }),
      );
    case 'UserUnlocked':
      return user('unlocked', changed({ lockedOut: true }, { lockedOut: false }));
    default:
      return unknownEvent(event);
  }
}
