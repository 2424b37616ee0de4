import {
  ACCESS_TOKEN_LIFETIME_MAX_SECONDS,
  ACCESS_TOKEN_LIFETIME_MIN_SECONDS,
  accessTokenLifetimeSchema,
  AppType,
  Jwks,
  jwksSchema,
} from '@extapps/contracts';
import { ChangeAccessTokenLifetime, ChangeClientKeys, JwksInput } from './commands';
import { accept, Checked, Decision, refuse, valid } from './errors';
import { RegisteredApp } from './external-app.state';

/**
 * The keys an app authenticates with (private_key_jwt) must be public: the contract's schema is
 * applied here, so a private or symmetric key is refused before anything is stored, with the
 * field at fault. The message names members, never their values.
 */
export function checkJwks(jwks: JwksInput | null, appType: AppType): Checked<Jwks | null> {
  if (jwks === null) return valid(null);
  if (appType === 'non-confidential') {
    return refuse(
      'jwks-not-allowed',
      'a non-confidential app cannot have a JWKS: private_key_jwt authenticates a confidential client',
      'jwks',
    );
  }
  const parsed = jwksSchema.safeParse(jwks);
  if (parsed.success) return valid(parsed.data);
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`));
  const field = `jwks${path.join('')}`;
  return refuse('invalid-jwks', `${field} ${issue?.message ?? 'is invalid'}`, field);
}

export function checkAccessTokenLifetime(seconds: number | null): Checked<number | null> {
  if (seconds === null || accessTokenLifetimeSchema.safeParse(seconds).success) {
    return valid(seconds);
  }
  return refuse(
    'invalid-access-token-lifetime',
    `the access token lifetime must be a whole number of seconds from ${ACCESS_TOKEN_LIFETIME_MIN_SECONDS} to ${ACCESS_TOKEN_LIFETIME_MAX_SECONDS}, or null for the default`,
    'accessTokenLifetimeSeconds',
  );
}

/** The optional registration fields, present in the event only when set (see the contract). */
export function checkClientSettings(
  command: { jwks?: JwksInput | null; accessTokenLifetimeSeconds?: number | null },
  appType: AppType,
): Checked<{ jwks?: Jwks; accessTokenLifetimeSeconds?: number }> {
  const jwks = checkJwks(command.jwks ?? null, appType);
  if (!jwks.ok) return jwks;
  const lifetime = checkAccessTokenLifetime(command.accessTokenLifetimeSeconds ?? null);
  if (!lifetime.ok) return lifetime;
  return valid({
    ...(jwks.value && { jwks: jwks.value }),
    ...(lifetime.value !== null && { accessTokenLifetimeSeconds: lifetime.value }),
  });
}

export function decideClientSettings(
  command: ChangeClientKeys | ChangeAccessTokenLifetime,
  app: RegisteredApp,
): Decision {
  if (command.type === 'ChangeAccessTokenLifetime') {
    const after = checkAccessTokenLifetime(command.seconds);
    if (!after.ok) return after;
    if (after.value === app.accessTokenLifetimeSeconds) return accept();
    const data = { before: app.accessTokenLifetimeSeconds, after: after.value };
    return accept({ type: 'AccessTokenLifetimeChanged', data });
  }
  const after = checkJwks(command.jwks, app.type);
  if (!after.ok) return after;
  if (sameJwks(after.value, app.jwks)) return accept();
  return accept({ type: 'ClientKeysChanged', data: { before: app.jwks, after: after.value } });
}

/** The same keys in any order, each with the same members in any order: not a change. */
export function sameJwks(a: Jwks | null, b: Jwks | null): boolean {
  if (a === null || b === null) return a === b;
  const canonical = (jwks: Jwks) =>
    jwks.keys
      .map((key) => JSON.stringify(Object.entries(key).sort(([x], [y]) => x.localeCompare(y))))
      .sort();
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
