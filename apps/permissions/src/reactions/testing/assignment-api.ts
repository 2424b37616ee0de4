import { eventually } from '@extapps/testing';
import { ApiClient, ApiResponse } from '../../e2e/testing/api-client';
import { ReactionsStack } from './reactions-stack';
import { AppStream } from './source-events';

export interface AssignBody {
  readonly principal: { readonly type: 'app' | 'user'; readonly id: string };
  readonly roleId: string;
  readonly tenantId: string;
  readonly folderId?: string | null;
}

export const assign = (client: ApiClient, body: AssignBody) => client.post('/v1/assignments', body);

/**
 * Registers a confidential app with application scopes through Kafka and waits until the service
 * has heard of it, by assigning `body`'s role: the first 201 is the assignment.
 */
export async function registerAndAssign(
  stack: ReactionsStack,
  body: Omit<AssignBody, 'principal'>,
): Promise<{ app: AppStream; assignment: ApiResponse }> {
  const app = new AppStream();
  await stack.publishRegistration(app.registeredConfidential());
  const principal = { type: 'app', id: app.appId } as const;
  const assignment = await eventually(
    async () => {
      const response = await assign(stack.admin, { ...body, principal });
      if (response.status !== 201) throw new Error(`${response.status} ${response.body.code}`);
      return response;
    },
    { timeoutMs: 20_000, intervalMs: 100 },
  );
  return { app, assignment };
}
