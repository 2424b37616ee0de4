import { PipeTransform } from '@nestjs/common';
import { entityIdSchema } from '@extapps/contracts';
import { notFound } from '../../infrastructure/http/problems';

/** An id no tenant can have is answered like an unknown one, without touching the store. */
export class TenantIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (entityIdSchema.safeParse(value).success) return value;
    throw notFound('tenant-not-found', 'no such tenant');
  }
}

/** Same for a folder id in the path. */
export class FolderIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (entityIdSchema.safeParse(value).success) return value;
    throw notFound('folder-not-found', 'the tenant has no such folder');
  }
}
