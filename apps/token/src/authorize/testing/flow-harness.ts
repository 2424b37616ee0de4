import { DEFAULT_RESOURCE_CATALOG } from '@extapps/contracts';
import { loadConfig } from '@extapps/platform';
import pino from 'pino';
import { configSchema } from '../../config';
import { RecordingTokenEventSink } from '../../events/testing/recording-token-event-sink';
import { RequestMeta } from '../../grants/grant-handler';
import { AuthorizeFlow } from '../authorize-flow';
import { FlowResponse } from '../flow-responses';
import { interactionIdOf } from '../interactions/interaction-cookie';
import { FixedUserSignIn } from './fixed-user-sign-in';
import { MemoryInteractionStore } from './memory-interaction-store';
import { RecordingCodeIssuer } from './recording-code-issuer';
import { clientOf, StaticClientLookup } from './static-client-lookup';
import { signingKeyTestEnv } from '../../keys/testing/signing-key-env';

export const ISSUER = 'https://id.example.com';
export const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
export const meta: RequestMeta = {
  ip: '203.0.113.9',
  userAgent: 'test-browser',
  correlationId: 'c-1',
};
export const ada = { userId: 'u-ada', username: 'ada', displayName: 'Ada Lovelace' };

/** Unit tests: the flow with doubles of every port, and a browser's cookie between the steps. */
export function flowHarness() {
  const config = loadConfig(configSchema, {
    ...signingKeyTestEnv(),
    KAFKA_BROKERS: 'localhost:9092',
    MONGO_URL: 'mongodb://localhost:27017',
    ISSUER,
  });
  const client = clientOf();
  const clients = new StaticClientLookup(client);
  const users = new FixedUserSignIn().add(ada, 'correct horse');
  const codes = new RecordingCodeIssuer();
  const events = new RecordingTokenEventSink();
  const store = new MemoryInteractionStore();
  const flow = new AuthorizeFlow(
    config,
    clients,
    DEFAULT_RESOURCE_CATALOG,
    users,
    codes,
    events,
    store,
    pino({ enabled: false }),
  );
  let cookie: string | undefined;
  /** Keeps the interaction cookie as a browser would (cleared by Max-Age=0). */
  const browse = (response: FlowResponse): FlowResponse => {
    if (response.setCookie !== undefined) {
      const id = interactionIdOf(response.setCookie.split(';')[0]);
      cookie = response.setCookie.includes('Max-Age=0') ? undefined : id;
    }
    return response;
  };
  const query = (params: Record<string, string> = {}) =>
    new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: client.redirectUris[0],
      scope: 'OR.Jobs.Read offline_access',
      state: 'st-1',
      code_challenge: CHALLENGE,
      code_challenge_method: 'S256',
      ...params,
    }).toString();
  return {
    flow,
    client,
    clients,
    users,
    codes,
    events,
    store,
    query,
    cookie: () => cookie,
    browse,
  };
}

/** The page's HTML, or a failure naming what came instead. */
export function htmlOf(response: FlowResponse): string {
  if (response.kind !== 'page')
    throw new Error(`expected a page, got a redirect to ${response.location}`);
  return response.html;
}

export function locationOf(response: FlowResponse): URL {
  if (response.kind !== 'redirect')
    throw new Error(`expected a redirect, got a ${response.status} page`);
  return new URL(response.location, 'https://id.example.com');
}
