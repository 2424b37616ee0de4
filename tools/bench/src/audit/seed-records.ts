import { AuditCategory, AuditRecord, newEventId, Topics } from '@extapps/contracts';
import { Random } from '../permissions/random';

interface Kind {
  readonly weight: number;
  readonly action: string;
  readonly eventType: string;
  readonly category: AuditCategory;
  readonly source: string;
  readonly failure?: string;
  /** Done by an admin (else by the app itself). */
  readonly byAdmin?: boolean;
}

const reg = Topics.registrationEvents;
const tok = Topics.tokenEvents;
const perm = Topics.permissionsEvents;

/** Roughly a busy tenant's week: mostly tokens, some failures, a steady trickle of admin work. */
export const RECORD_KINDS: readonly Kind[] = [
  { weight: 50, action: 'token.issued', eventType: 'TokenIssued', category: 'token', source: tok },
  {
    weight: 8,
    action: 'token.refreshed',
    eventType: 'TokenRefreshed',
    category: 'token',
    source: tok,
  },
  { weight: 2, action: 'token.revoked', eventType: 'TokenRevoked', category: 'token', source: tok },
  {
    weight: 8,
    action: 'client.authentication-failed',
    eventType: 'ClientAuthenticationFailed',
    category: 'authentication',
    source: tok,
    failure: 'wrong-secret',
  },
  {
    weight: 6,
    action: 'user.signed-in',
    eventType: 'UserSignedIn',
    category: 'authentication',
    source: tok,
  },
  {
    weight: 8,
    action: 'app.renamed',
    eventType: 'ExternalAppRenamed',
    category: 'app-management',
    source: reg,
    byAdmin: true,
  },
  {
    weight: 3,
    action: 'app.secret-added',
    eventType: 'SecretAdded',
    category: 'app-management',
    source: reg,
    byAdmin: true,
  },
  {
    weight: 2,
    action: 'app.secret-revoked',
    eventType: 'SecretRevoked',
    category: 'app-management',
    source: reg,
    byAdmin: true,
  },
  {
    weight: 9,
    action: 'role.assigned',
    eventType: 'RoleAssigned',
    category: 'permissions',
    source: perm,
    byAdmin: true,
  },
  {
    weight: 4,
    action: 'role.unassigned',
    eventType: 'RoleUnassigned',
    category: 'permissions',
    source: perm,
    byAdmin: true,
  },
];

const TOTAL_WEIGHT = RECORD_KINDS.reduce((sum, k) => sum + k.weight, 0);
export const ADMINS = Array.from({ length: 20 }, (_, i) => `admin-${i}`);
const DAY_MS = 86_400_000;

export interface RecordShape {
  readonly records: number;
  readonly apps: number;
  /** occurredAt of the first record; the last is `spanDays` later. */
  readonly start: Date;
  readonly spanDays: number;
}

/** The world the records are about: the apps' ids, the same for the same seed. */
export function seedApps(count: number, random: Random): string[] {
  return Array.from({ length: count }, (_, i) => `app-${i}-${random.int(1e9).toString(36)}`);
}

/**
 * Record `i` of `shape.records`, in chain order: occurredAt spread evenly over the span (so the
 * chain, like a real one, is about in time order), recorded 200 ms later.
 */
export function seedRecord(
  i: number,
  shape: RecordShape,
  apps: readonly string[],
  random: Random,
): AuditRecord {
  const kind = pickKind(random);
  const at = shape.start.getTime() + Math.floor((i * shape.spanDays * DAY_MS) / shape.records);
  const app = random.pick(apps);
  const admin = random.pick(ADMINS);
  return {
    eventId: newEventId(),
    eventType: kind.eventType,
    source: kind.source,
    occurredAt: new Date(at).toISOString(),
    recordedAt: new Date(at + 200).toISOString(),
    actor: kind.byAdmin
      ? { type: 'user', id: admin, displayName: `Admin ${admin.slice(6)}` }
      : { type: 'app', id: app, displayName: null },
    action: kind.action,
    category: kind.category,
    target: { type: 'app', id: app, name: kind.byAdmin ? `Robot ${app}` : null },
    outcome: kind.failure
      ? { status: 'failure', reason: kind.failure }
      : { status: 'success', reason: null },
    sourceIp: `10.${random.int(256)}.${random.int(256)}.${random.int(256)}`,
    userAgent: kind.byAdmin ? 'Mozilla/5.0 (admin portal)' : 'extapps-sdk/1.4',
    correlationId: newEventId(),
    changes:
      kind.action === 'app.renamed'
        ? { before: { name: `Robot ${app}` }, after: { name: `Robot ${app} v${i}` } }
        : null,
  };
}

function pickKind(random: Random): Kind {
  let roll = random.int(TOTAL_WEIGHT);
  for (const kind of RECORD_KINDS) {
    roll -= kind.weight;
    if (roll < 0) return kind;
  }
  throw new Error('unreachable: the weights add up to TOTAL_WEIGHT');
}
