import { AdminScopes, Clock, EXTAPPS_ADMIN_RESOURCE } from '@extapps/contracts';
import { connectMongo } from '@extapps/mongo';
import { defineService, Env } from '@extapps/platform';
import {
  RunningService,
  startService,
  startTestTokenIssuer,
  testEnv,
  TestTokenIssuer,
} from '@extapps/platform/testing';
import { eventually, uniqueName } from '@extapps/testing';
import { Connection } from 'mongoose';
import { AppModule } from '../../app.module';
import { testSigningKeyPem } from '../../chain/testing/signing-keys';
import { auditService } from '../../service';
import { ApiClient } from './api-client';

/** The audit service with test doubles (e.g. a ManualClock) in place of the real ones. */
export function auditServiceWith(overrides: { clock?: Clock } = {}) {
  return defineService({
    ...auditService,
    appModule: (config) => AppModule.forRoot(config, overrides),
  });
}

export interface AuditStack {
  readonly service: RunningService;
  readonly env: Env;
  /** The Kafka consumer group of this instance's ingestion (its own, on the shared Kafka). */
  readonly groupId: string;
  /** Token with extapps.audit.read. */
  readonly reader: ApiClient;
  /** Token with another admin scope only. */
  readonly outsider: ApiClient;
  readonly anonymous: ApiClient;
  /** The service's database, for what the API does not show (pending records). */
  readonly db: Connection;
  /** Resolves once ingestion runs and has stored or parked everything published so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** The audit service on the real servers, trusting a test token issuer. */
export async function startAuditStack(
  overrides: Env = {},
  doubles: { clock?: Clock } = {},
): Promise<AuditStack> {
  const issuer: TestTokenIssuer = await startTestTokenIssuer({ audience: EXTAPPS_ADMIN_RESOURCE });
  const groupId = uniqueName('audit-ingest');
  const env = testEnv('audit', {
    AUTH_ISSUER: issuer.issuer,
    AUTH_JWKS_URL: issuer.jwksUrl,
    INGESTION_GROUP_ID: groupId,
    AUDIT_SIGNING_KEY: testSigningKeyPem(),
    ...overrides,
  });
  const service = await startService(auditServiceWith(doubles), env);
  const db = await connectMongo({ url: String(env['MONGO_URL']), dbName: String(env['MONGO_DB']) });
  const token = (scopes: string[]) => () =>
    issuer.issue({ sub: 'compliance', subType: 'app', scopes });
  const url = () => service.baseUrl;
  const reader = new ApiClient(url, token([AdminScopes.auditRead]));
  return {
    service,
    env,
    groupId,
    reader,
    outsider: new ApiClient(url, token([AdminScopes.appsRead])),
    anonymous: new ApiClient(url, null),
    db,
    caughtUp: (timeoutMs = 30_000) =>
      eventually(
        async () => {
          const { body } = await reader.get('/v1/audit/ingestion');
          expect(body.consumer).toBe('running');
          for (const topic of body.topics) expect(topic.lag).toBe(0);
        },
        { timeoutMs, intervalMs: 200 },
      ),
    async close() {
      await service.close();
      await db.close();
      await issuer.close();
    },
  };
}
