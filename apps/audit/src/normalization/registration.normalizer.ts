import { RegistrationEvent, SecretData } from '@extapps/contracts';
import { AuditRecord } from '../records/audit-record';
import {
  changed,
  NormalizeContext,
  RecordFacts,
  recordOf,
  succeeded,
  target,
  unknownEvent,
} from './record-base';

/** Every registration event changes one external app: the stream id is its app id. */
export function normalizeRegistrationEvent(
  event: RegistrationEvent,
  context: NormalizeContext,
): AuditRecord {
  return recordOf(event, context, factsOf(event));
}

function factsOf(event: RegistrationEvent): RecordFacts {
  const app = (action: string, changes: RecordFacts['changes'], name: string | null = null) => ({
    action: `app.${action}`,
    category: 'app-management' as const,
    target: target('app', event.streamId, name),
    outcome: succeeded,
    changes,
  });
  switch (event.type) {
    case 'ExternalAppRegistered': {
      const { firstSecret, jwks, accessTokenLifetimeSeconds, ...rest } = event.data;
      const after = {
        ...rest,
        firstSecret: firstSecret && secretView(firstSecret),
        jwks: jwks ?? null,
        accessTokenLifetimeSeconds: accessTokenLifetimeSeconds ?? null,
      };
      return app('registered', changed(null, after), event.data.name);
    }
    case 'ExternalAppRenamed': {
      const { before, after } = event.data;
      return app('renamed', changed({ name: before }, { name: after }), after);
    }
    case 'RedirectUrisChanged':
      return app('redirect-uris-changed', named('redirectUris', event.data));
    case 'ScopesChanged':
      return app('scopes-changed', changed(event.data.before, event.data.after));
    case 'ClientKeysChanged':
      return app('client-keys-changed', named('jwks', event.data));
    case 'AccessTokenLifetimeChanged':
      return app('access-token-lifetime-changed', named('accessTokenLifetimeSeconds', event.data));
    case 'SecretAdded':
      return app('secret-added', changed(null, secretView(event.data)));
    case 'SecretRevoked': {
      const { secretId } = event.data;
      return app(
        'secret-revoked',
        changed({ secretId, revoked: false }, { secretId, revoked: true }),
      );
    }
    case 'SecretExpiringSoon': {
      // The event marks the secret as warned (the registration service emits it once per secret).
      const { secretId, expiresAt } = event.data;
      const warned = (expiryWarned: boolean) => ({ secretId, expiresAt, expiryWarned });
      return app('secret-expiring-soon', changed(warned(false), warned(true)));
    }
    // Disabling an app that is disabled, or enabling an active one, emits nothing: the status
    // before is implied by the event.
    case 'ExternalAppDisabled':
      return app('disabled', changed({ status: 'active' }, { status: 'disabled' }));
    case 'ExternalAppEnabled':
      return app('enabled', changed({ status: 'disabled' }, { status: 'active' }));
    // Active or disabled before: the event does not say which.
    case 'ExternalAppDeleted':
      return app('deleted', null);
    default:
      return unknownEvent(event);
  }
}

/** A secret as an auditor sees it: never its hash, which is of no use to a reader of the trail. */
function secretView({ secretId, description, expiresAt }: SecretData) {
  return { secretId, description, expiresAt };
}

function named<T>(field: string, { before, after }: { before: T; after: T }) {
  return changed({ [field]: before }, { [field]: after });
}
