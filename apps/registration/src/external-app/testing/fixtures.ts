import { generateKeyPairSync } from 'node:crypto';
import {
  publicJwkSchema,
  RegistrationEventPayload,
  registrationEvents,
  resourceCatalogSchema,
} from '@extapps/contracts';
import { ExternalAppCommand, NewSecret, RegisterExternalApp } from '../commands';
import { Decision } from '../errors';
import { decide, rebuild } from '../external-app.decider';

export const NOW = new Date('2026-03-01T12:00:00.000Z');
export const LATER = new Date('2026-06-01T00:00:00.000Z');

/** `OR.Jobs.Read` exists as both kinds, `OR.Jobs` only as application, `OR.Folders.Read` only as user. */
export const catalog = resourceCatalogSchema.parse({
  resources: [
    {
      id: 'OrchestratorApi',
      name: 'Orchestrator API',
      userScopes: [
        { name: 'OR.Jobs.Read', description: 'Read jobs' },
        { name: 'OR.Folders.Read', description: 'Read folders' },
      ],
      applicationScopes: [
        { name: 'OR.Jobs.Read', description: 'Read jobs' },
        { name: 'OR.Jobs', description: 'Read and write jobs' },
      ],
    },
    {
      id: 'DocumentUnderstanding',
      name: 'Document Understanding',
      userScopes: [],
      applicationScopes: [{ name: 'DU.Digitization.Api', description: 'Digitize' }],
    },
  ],
});

export const context = { now: NOW, catalog };

export const hashOf = (n: number) => `sha256:${String(n).padStart(43, 'h')}`;

export const newSecret = (n: number, expiresAt: Date | null = null): NewSecret => ({
  secretId: `sec-${n}`,
  hash: hashOf(n),
  hashAlgorithm: 'sha256',
  description: `secret ${n}`,
  expiresAt,
});

/** A fresh EC P-256 key pair as JWKs: `public` to register, `private` to try to leak. */
export function ecKey(kid: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    public: publicJwkSchema.parse({
      ...publicKey.export({ format: 'jwk' }),
      kid,
      alg: 'ES256',
      use: 'sig',
    }),
    private: { ...privateKey.export({ format: 'jwk' }), kid },
  };
}

export const registerConfidential: RegisterExternalApp = {
  type: 'RegisterExternalApp',
  appId: 'app-1',
  name: 'Billing robot',
  appType: 'confidential',
  redirectUris: ['https://billing.example.com/callback'],
  userScopes: ['OR.Jobs.Read'],
  applicationScopes: ['OR.Jobs'],
  firstSecret: newSecret(1),
};

export const registerPublic: RegisterExternalApp = {
  type: 'RegisterExternalApp',
  appId: 'app-2',
  name: 'Desktop assistant',
  appType: 'non-confidential',
  redirectUris: ['http://127.0.0.1/callback'],
  userScopes: ['OR.Folders.Read'],
  applicationScopes: [],
};

const validators = new Map(registrationEvents.map((d) => [d.type as string, d.data]));
function contractOf(type: string) {
  const schema = validators.get(type);
  if (!schema) throw new Error(`${type} is not a registration event`);
  return schema;
}

/** Decides after folding `history`, which is built by the decider itself so it is always valid. */
export function given(...history: ExternalAppCommand[]) {
  const events: RegistrationEventPayload[] = [];
  for (const command of history) {
    const decision = decide(command, rebuild(events), context);
    if (!decision.ok) throw new Error(`given ${command.type}: ${decision.error.code}`);
    events.push(...decision.events);
  }
  return {
    events,
    when: (command: ExternalAppCommand, now = NOW): Decision => {
      const decision = decide(command, rebuild(events), { now, catalog });
      // Whatever the decider emits must also satisfy the published contract.
      if (decision.ok) decision.events.forEach((e) => contractOf(e.type).parse(e.data));
      return decision;
    },
  };
}

export const errorOf = (decision: Decision) => (decision.ok ? undefined : decision.error);
