import { Principal, principalTypeSchema } from '@extapps/contracts';
import { z } from 'zod';
import { AssignmentLookup, AssignmentRef } from '../../access/ports';

const PRINCIPAL = /^(app|user):(.{1,200})$/;

export const listAssignmentsQuerySchema = z
  .object({
    tenant: z.string().max(200).optional(),
    folder: z.string().max(200).optional().describe('with tenant: assignments on this very folder'),
    principal: z
      .string()
      .regex(PRINCIPAL, 'must be app:<client id> or user:<user id>')
      .optional()
      .transform((raw): Principal | undefined => {
        const match = raw === undefined ? null : PRINCIPAL.exec(raw);
        return match
          ? { type: principalTypeSchema.parse(match[1]), id: match[2] ?? '' }
          : undefined;
      })
      .describe('app:<client id> or user:<user id>'),
    role: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    after: z.string().max(200).optional().describe('the `next` of the previous page'),
  })
  .strict()
  .refine((q) => q.principal !== undefined || q.role !== undefined || q.tenant !== undefined, {
    message: 'filter by tenant, principal or role',
  })
  .refine((q) => q.folder === undefined || q.tenant !== undefined, {
    message: 'folder needs tenant',
    path: ['folder'],
  });
export type ListAssignmentsQuery = z.output<typeof listAssignmentsQuerySchema>;

/** The narrowest lookup the filters allow, then every other filter applied to its result. */
export function matching(lookup: AssignmentLookup, q: ListAssignmentsQuery): AssignmentRef[] {
  const base = q.principal
    ? lookup.byPrincipal(q.principal)
    : q.role !== undefined
      ? lookup.ofRole(q.role)
      : q.folder !== undefined
        ? lookup.onFolders(q.tenant ?? '', [q.folder])
        : lookup.inTenant(q.tenant ?? '');
  return base.filter(
    (a) =>
      (q.tenant === undefined || a.tenantId === q.tenant) &&
      (q.folder === undefined || a.folderId === q.folder) &&
      (q.role === undefined || a.roleId === q.role),
  );
}
