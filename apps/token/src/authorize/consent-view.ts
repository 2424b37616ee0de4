import { findScope, ResourceCatalog } from '@extapps/contracts';
import { SignedInUser } from '../users/user-sign-in';
import { AuthorizationRequest } from './authorization-request';
import { ConsentPageModel } from './html/consent-page';

/**
 * The consent page's content. Descriptions come from the catalog; a scope the catalog no longer
 * describes (the app's grant outlived a catalog change) is shown by its name.
 */
export function consentView(
  catalog: ResourceCatalog,
  request: AuthorizationRequest,
  user: SignedInUser,
  page: Pick<ConsentPageModel, 'appName' | 'action' | 'csrfToken'>,
): ConsentPageModel {
  const resource = catalog.resources.find((r) => r.id === request.audience);
  return {
    ...page,
    user: { displayName: user.displayName, username: user.username },
    resourceName: resource?.name ?? request.audience,
    scopes: request.scopes.map((name) => ({
      name,
      description: findScope(catalog, name, 'user')?.scope.description ?? name,
    })),
    offlineAccess: request.offlineAccess,
  };
}
