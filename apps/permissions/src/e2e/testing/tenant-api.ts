import { ApiClient, ApiResponse } from './api-client';

/** The version an ETag names. */
export const versionOf = (response: ApiResponse): number =>
  Number(JSON.parse(String(response.headers.get('etag'))));

const expectStatus = (response: ApiResponse, status: number, what: string) => {
  if (response.status !== status) {
    throw new Error(
      `${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`,
    );
  }
  return response;
};

/** Creates a tenant with a unique name; returns its id. */
export async function createTenant(client: ApiClient, name: string): Promise<string> {
  const response = expectStatus(await client.post('/v1/tenants', { name }), 201, 'create tenant');
  return response.body.tenantId as string;
}

/** Creates a folder; returns its id. */
export async function createFolder(
  client: ApiClient,
  tenantId: string,
  name: string,
  parentId: string | null = null,
): Promise<string> {
  const response = expectStatus(
    await client.post(`/v1/tenants/${tenantId}/folders`, { name, parentId }),
    201,
    `create folder ${name}`,
  );
  return response.body.folderId as string;
}

export const folderPath = (tenantId: string, folderId: string) =>
  `/v1/tenants/${tenantId}/folders/${folderId}`;
