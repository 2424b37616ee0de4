import { ExternalAppCommand, JwksInput } from '../../commands';
import { Decision, refuse } from '../../errors';
import { decide, DecisionContext, evolve } from '../../external-app.decider';
import { ExternalAppState } from '../../external-app.state';

export interface AppChanges {
  readonly name?: string;
  readonly redirectUris?: readonly string[];
  readonly userScopes?: readonly string[];
  readonly applicationScopes?: readonly string[];
  /** Null removes the keys, as it resets the lifetime to the default. */
  readonly jwks?: JwksInput | null;
  readonly accessTokenLifetimeSeconds?: number | null;
}

/** Decides each step on the state the previous steps' events lead to; stops at a refusal. */
function decideInOrder(
  steps: readonly ExternalAppCommand[],
  initial: ExternalAppState,
  context: DecisionContext,
): Decision {
  let state = initial;
  const events = [];
  for (const step of steps) {
    const decision = decide(step, state, context);
    if (!decision.ok) return decision;
    events.push(...decision.events);
    state = decision.events.reduce(evolve, state);
  }
  return { ok: true, events };
}

/** The keys and the lifetime depend on nothing else: decided last, in this order. */
function clientSettingSteps(changes: AppChanges): ExternalAppCommand[] {
  const { jwks, accessTokenLifetimeSeconds: seconds } = changes;
  return [
    ...(jwks === undefined ? [] : [{ type: 'ChangeClientKeys' as const, jwks }]),
    ...(seconds === undefined ? [] : [{ type: 'ChangeAccessTokenLifetime' as const, seconds }]),
  ];
}

/**
 * One PATCH as the decider's commands: rename, redirect URIs, scopes, keys, token lifetime, each
 * decided on the state
 * the earlier ones produce, and refused as a whole when any one is. Redirect URIs and user scopes
 * depend on each other (user scopes need a URI), so both orders are tried: adding scopes with
 * their first URI needs URIs first, removing the last URI with the scopes needs scopes first.
 * The order that works leaves the same final state; with neither, the first order's refusal wins.
 */
export function decideChanges(
  changes: AppChanges,
  state: ExternalAppState,
  context: DecisionContext,
): Decision {
  const rename: ExternalAppCommand[] =
    changes.name === undefined ? [] : [{ type: 'RenameExternalApp', name: changes.name }];
  const uris: ExternalAppCommand[] =
    changes.redirectUris === undefined
      ? []
      : [{ type: 'ChangeRedirectUris', redirectUris: changes.redirectUris }];
  const { userScopes, applicationScopes } = changes;
  const scopes: ExternalAppCommand[] =
    userScopes === undefined && applicationScopes === undefined
      ? []
      : [{ type: 'ChangeScopes', userScopes, applicationScopes }];
  const settings = clientSettingSteps(changes);
  const steps = [...rename, ...uris, ...scopes, ...settings];
  if (steps.length === 0) return nothingToChange(state);
  const first = decideInOrder(steps, state, context);
  if (first.ok || uris.length === 0 || scopes.length === 0) return first;
  const second = decideInOrder([...rename, ...scopes, ...uris, ...settings], state, context);
  return second.ok ? second : first;
}

/** An empty PATCH changes nothing, but still only for an app that can be changed. */
function nothingToChange(state: ExternalAppState): Decision {
  if (state.status === 'unregistered') return refuse('app-not-found', 'no such app');
  if (state.status === 'deleted') return refuse('app-deleted', 'the app is deleted');
  return { ok: true, events: [] };
}
