import { PipeTransform } from '@nestjs/common';
import { entityIdSchema } from '@extapps/contracts';
import { notFound } from '../../infrastructure/http/problems';

/** An id no role can have is answered like an unknown one, without touching the store. */
export class RoleIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (entityIdSchema.safeParse(value).success) return value;
    throw notFound('role-not-found', 'no such role');
  }
}
