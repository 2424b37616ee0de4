import { EventOf, tokenGrantEvents, TokenEvent, userDirectoryEvents } from '@extapps/contracts';
import { AuditRecord } from '../records/audit-record';
import {
  changed,
  failed,
  NormalizeContext,
  RecordFacts,
  recordOf,
  succeeded,
  target,
  unknownEvent,
} from './record-base';
import { userDirectoryFacts } from './user-directory.facts';

type TokenGrantEvent = EventOf<(typeof tokenGrantEvents)[number]>;
type UserDirectoryEvent = EventOf<(typeof userDirectoryEvents)[number]>;

const USER_DIRECTORY_TYPES = new Set<string>(userDirectoryEvents.map((d) => d.type));
const isUserDirectoryEvent = (event: TokenEvent): event is UserDirectoryEvent =>
  USER_DIRECTORY_TYPES.has(event.type);

/** Token grants, client and user authentication, and the user directory of the token service. */
export function normalizeTokenEvent(event: TokenEvent, context: NormalizeContext): AuditRecord {
  const facts = isUserDirectoryEvent(event) ? userDirectoryFacts(event) : grantFacts(event);
  return recordOf(event, context, facts);
}

/** The app a token, a failure or a sign-in concerns is the target, so one filter finds them all. */
const app = (clientId: string | null) => target('app', clientId ?? 'unknown-client');

function grantFacts(event: TokenGrantEvent): RecordFacts {
  switch (event.type) {
    case 'TokenIssued':
    case 'TokenRefreshed': {
      // A token is created: its attributes are the state after (the token itself never is).
      const { clientId, ...token } = event.data;
      const action = event.type === 'TokenIssued' ? 'token.issued' : 'token.refreshed';
      return {
        action,
        category: 'token',
        target: app(clientId),
        outcome: succeeded,
        changes: changed(null, { ...token, grantId: token.grantId ?? null }),
      };
    }
    case 'TokenRevoked': {
      const { clientId, reason, ...token } = event.data;
      return {
        action: 'token.revoked',
        category: 'token',
        target: app(clientId),
        outcome: succeeded,
        changes: changed({ ...token, revoked: false }, { ...token, revoked: true, reason }),
      };
    }
    case 'RefreshTokenReuseDetected':
      return {
        action: 'token.refresh-token-reused',
        category: 'token',
        target: app(event.data.clientId),
        outcome: failed('refresh-token-reuse'),
        changes: null,
      };
    case 'ClientAuthenticationFailed':
      return {
        action: 'client.authentication-failed',
        category: 'authentication',
        target: app(event.data.clientId),
        outcome: failed(event.data.reason),
        changes: null,
      };
    case 'UserSignedIn':
      return signIn('user.signed-in', event.data.clientId, succeeded);
    case 'UserSignInFailed':
      return signIn('user.sign-in-failed', event.data.clientId, failed(event.data.reason));
    case 'ConsentGranted': {
      const { scope, audience } = event.data;
      return {
        action: 'user.consent-granted',
        category: 'authentication',
        target: app(event.data.clientId),
        outcome: succeeded,
        changes: changed(null, { scope, audience }),
      };
    }
    default:
      return unknownEvent(event);
  }
}

/** The user is the actor (from the envelope); the app they signed in to is the target. */
function signIn(action: string, clientId: string, outcome: RecordFacts['outcome']): RecordFacts {
  return { action, category: 'authentication', target: app(clientId), outcome, changes: null };
}
