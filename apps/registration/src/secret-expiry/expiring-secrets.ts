import { AppView, SecretView } from '../external-app/projections/app-view';

export type ExpiringSecretView = SecretView & { readonly expiresAt: Date };

export interface ExpiringSecretRef {
  readonly app: AppView;
  readonly secret: ExpiringSecretView;
}

export interface ExpiringSelection {
  readonly now: Date;
  readonly windowMs: number;
  /** Only secrets not warned about yet: what the expiry check still has to do. */
  readonly unwarnedOnly: boolean;
}

/**
 * Secrets of live (not deleted) apps that are not revoked and expire after `now` but within the
 * window; soonest first. The same rule as the decider's, which has the final word: a secret the
 * view shows stale is simply not warned about twice.
 */
export function expiringSecretsOf(
  apps: readonly AppView[],
  { now, windowMs, unwarnedOnly }: ExpiringSelection,
): ExpiringSecretRef[] {
  const from = now.getTime();
  const until = from + windowMs;
  const expiring = (secret: SecretView): secret is ExpiringSecretView =>
    secret.revokedAt === null &&
    secret.expiresAt !== null &&
    secret.expiresAt.getTime() > from &&
    secret.expiresAt.getTime() <= until &&
    (!unwarnedOnly || secret.expiryWarnedAt === null);
  return apps
    .filter((app) => app.status !== 'deleted')
    .flatMap((app) => app.secrets.filter(expiring).map((secret) => ({ app, secret })))
    .sort(
      (a, b) =>
        a.secret.expiresAt.getTime() - b.secret.expiresAt.getTime() ||
        a.app.id.localeCompare(b.app.id) ||
        a.secret.id.localeCompare(b.secret.id),
    );
}

/** Where the check and the query find candidate apps; narrowed by the database, exact here. */
export interface ExpiringSecretsSource {
  find(selection: ExpiringSelection): Promise<ExpiringSecretRef[]>;
}

export const EXPIRING_SECRETS_SOURCE = Symbol('EXPIRING_SECRETS_SOURCE');
