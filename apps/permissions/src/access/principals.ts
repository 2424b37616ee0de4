import { Principal, PrincipalType } from '@extapps/contracts';
import { RegistrationChange, UserDirectoryChange } from './access-events';
import { PrincipalAssignments } from './principal-assignments';
import { PrincipalStanding } from './ports';

export type PrincipalStatus = 'active' | 'disabled' | 'deleted';
/** ignored: an event of an app or user never created here, or after its deletion. */
export type PrincipalOutcome = 'applied' | 'duplicate' | 'ignored';

/**
 * An app or user as the index knows it. Created by its first event or by an assignment naming it
 * (topics and partitions are not ordered with each other, so an assignment may come first);
 * `known` turns true with the registration or creation event.
 */
export class PrincipalEntry {
  known = false;
  /** Stream version of the last event applied (registration or user directory stream). */
  version = 0;
  status: PrincipalStatus = 'active';
  /** Apps only: the type never changes, eligibility also depends on the scopes. */
  confidential = false;
  /** Why it may not be assigned (apps only), or null. */
  ineligible: string | null = null;
  readonly assignments = new PrincipalAssignments();

  constructor(readonly principal: Principal) {}

  standing(): PrincipalStanding {
    if (!this.known) return { kind: 'unknown' };
    if (this.status === 'deleted') return { kind: 'deleted' };
    if (this.status === 'disabled') return { kind: 'disabled' };
    if (this.ineligible !== null) return { kind: 'ineligible', reason: this.ineligible };
    return { kind: 'eligible' };
  }
}

/** Apps (by client id) and users (by user id), kept from the registration and token topics. */
export class PrincipalTable {
  private readonly apps = new Map<string, PrincipalEntry>();
  private readonly users = new Map<string, PrincipalEntry>();

  get(type: PrincipalType, id: string): PrincipalEntry | undefined {
    return (type === 'app' ? this.apps : this.users).get(id);
  }

  /** The entry, created unknown if absent. */
  ensure(principal: Principal): PrincipalEntry {
    const table = principal.type === 'app' ? this.apps : this.users;
    let entry = table.get(principal.id);
    if (!entry) {
      // A copy of our own: the caller's object may be a request body or a whole event.
      entry = new PrincipalEntry(Object.freeze({ type: principal.type, id: principal.id }));
      table.set(principal.id, entry);
    }
    return entry;
  }

  /**
   * Apps and users are written by other services and reach the index through Kafka only, in order
   * per stream: an event at or below the version applied is a duplicate, and a gap (an event the
   * owner never published) is no reason to stop.
   */
  applyApp(event: RegistrationChange): PrincipalOutcome {
    const id = event.streamId;
    const entry = this.apps.get(id);
    if (entry && event.streamVersion <= entry.version) return 'duplicate';
    if (event.type === 'ExternalAppRegistered') {
      const app = this.ensure({ type: 'app', id });
      app.known = true;
      app.confidential = event.data.type === 'confidential';
      app.ineligible = appIneligibility(app.confidential, event.data.applicationScopes.length);
      return advance(app, event.streamVersion);
    }
    if (!entry?.known || entry.status === 'deleted') return 'ignored';
    evolveApp(entry, event);
    return advance(entry, event.streamVersion);
  }

  applyUser(event: UserDirectoryChange): PrincipalOutcome {
    const entry = this.users.get(event.streamId);
    if (entry && event.streamVersion <= entry.version) return 'duplicate';
    if (event.type === 'UserCreated') {
      const user = this.ensure({ type: 'user', id: event.streamId });
      user.known = true;
      return advance(user, event.streamVersion);
    }
    if (!entry?.known || entry.status === 'deleted') return 'ignored';
    evolveUser(entry, event);
    return advance(entry, event.streamVersion);
  }
}

function advance(entry: PrincipalEntry, version: number): 'applied' {
  entry.version = version;
  return 'applied';
}

function appIneligibility(confidential: boolean, applicationScopes: number): string | null {
  if (!confidential) return 'only confidential apps can be assigned roles';
  if (applicationScopes === 0) return 'the app has no application scopes';
  return null;
}

type LaterAppEvent = Exclude<RegistrationChange, { type: 'ExternalAppRegistered' }>;

function evolveApp(app: PrincipalEntry, event: LaterAppEvent): void {
  switch (event.type) {
    case 'ScopesChanged':
      app.ineligible = appIneligibility(
        app.confidential,
        event.data.after.applicationScopes.length,
      );
      return;
    case 'ExternalAppDisabled':
      app.status = 'disabled';
      return;
    case 'ExternalAppEnabled':
      app.status = 'active';
      return;
    case 'ExternalAppDeleted':
      app.status = 'deleted';
      return;
    case 'ExternalAppRenamed':
    case 'RedirectUrisChanged':
    case 'ClientKeysChanged':
    case 'AccessTokenLifetimeChanged':
    case 'SecretAdded':
    case 'SecretRevoked':
    case 'SecretExpiringSoon':
      return;
    default: {
      const unexpected: never = event;
      throw new Error(`unexpected registration event ${JSON.stringify(unexpected)}`);
    }
  }
}

type LaterUserEvent = Exclude<UserDirectoryChange, { type: 'UserCreated' }>;

function evolveUser(user: PrincipalEntry, event: LaterUserEvent): void {
  switch (event.type) {
    case 'UserDisabled':
      user.status = 'disabled';
      return;
    case 'UserEnabled':
      user.status = 'active';
      return;
    case 'UserDeleted':
      user.status = 'deleted';
      return;
    // A lockout ends by itself and guards sign-in only; permissions stay in effect meanwhile.
    case 'UserPasswordChanged':
    case 'UserLockedOut':
    case 'UserUnlocked':
      return;
    default: {
      const unexpected: never = event;
      throw new Error(`unexpected user directory event ${JSON.stringify(unexpected)}`);
    }
  }
}
