import { AdminScopes, EXTAPPS_ADMIN_RESOURCE, Principal } from '@extapps/contracts';
import { Env } from '@extapps/platform';
import {
  RunningService,
  startService,
  startTestTokenIssuer,
  testEnv,
  TestTokenIssuer,
} from '@extapps/platform/testing';
import { uniqueName } from '@extapps/testing';
import { AccessIndex } from '../../access/access-index';
import { permissionsService } from '../../service';
import { ApiClient } from './api-client';

export interface PermissionsStack {
  readonly service: RunningService;
  readonly issuer: TestTokenIssuer;
  readonly env: Env;
  /** Read and write scopes. */
  readonly admin: ApiClient;
  /** Read scope only. */
  readonly reader: ApiClient;
  /** A valid token without any permissions scope. */
  readonly outsider: ApiClient;
  /** No token at all. */
  readonly anonymous: ApiClient;
  /** The service's in-memory access index, the one its command handlers apply events to. */
  readonly index: AccessIndex;
  /**
   * Puts an assignment into the index as if its RoleAssigned had arrived from Kafka, so the
   * tenant rules can be tested without the assignment API's preconditions (an eligible app).
   */
  assignIn(tenantId: string, folderId: string | null, principal?: Principal): void;
  close(): Promise<void>;
}

/** The permissions service on the real servers, trusting a test token issuer. */
export async function startPermissionsStack(overrides: Env = {}): Promise<PermissionsStack> {
  const issuer = await startTestTokenIssuer({ audience: EXTAPPS_ADMIN_RESOURCE });
  const env = testEnv('permissions', {
    AUTH_ISSUER: issuer.issuer,
    AUTH_JWKS_URL: issuer.jwksUrl,
    OUTBOX_POLL_INTERVAL_MS: '100',
    REACTIONS_CONSUMER_GROUP: uniqueName('reactions'),
    ...overrides,
  });
  const service = await startService(permissionsService, env);
  const token = (scopes: string[]) => () =>
    issuer.issue({ sub: 'e2e-admin', subType: 'app', scopes });
  const url = () => service.baseUrl;
  const { permissionsRead, permissionsWrite, appsRead } = AdminScopes;
  const index = service.app.get(AccessIndex);
  return {
    service,
    issuer,
    env,
    admin: new ApiClient(url, token([permissionsRead, permissionsWrite])),
    reader: new ApiClient(url, token([permissionsRead])),
    outsider: new ApiClient(url, token([appsRead])),
    anonymous: new ApiClient(url, null),
    index,
    assignIn(tenantId, folderId, principal = { type: 'user', id: uniqueName('user') }) {
      const assignmentId = uniqueName('assignment');
      const after = { principal, roleId: 'builtin.viewer', tenantId, folderId };
      const data = { assignmentId, before: null, after };
      index.apply({ type: 'RoleAssigned', streamId: assignmentId, streamVersion: 1, data });
    },
    async close() {
      await service.close();
      await issuer.close();
    },
  };
}
