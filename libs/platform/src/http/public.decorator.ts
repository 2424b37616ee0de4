import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'extapps:isPublic';

/** Opens a route (or every route of a controller) to unauthenticated callers. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
