import { Controller, Get, Inject } from '@nestjs/common';
import { AdminScopes, ResourceCatalog } from '@extapps/contracts';
import { RequireScopes } from '@extapps/platform';
import { RESOURCE_CATALOG } from '../infrastructure/tokens';

/** The resources apps may be given scopes on (configuration, served as is). */
@Controller('v1/resources')
@RequireScopes(AdminScopes.appsRead)
export class ResourcesController {
  constructor(@Inject(RESOURCE_CATALOG) private readonly catalog: ResourceCatalog) {}

  @Get()
  list(): ResourceCatalog {
    return this.catalog;
  }
}
