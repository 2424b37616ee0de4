import { principalSchema } from '@extapps/contracts';
import { z } from 'zod';

// Shapes only: whether the principal, role, tenant and folder exist is the decider's to answer.
const idInput = z.string().min(1).max(200);

export const assignRoleBodySchema = z
  .object({
    principal: principalSchema.describe(
      'an external app (type app, id = its client id) or a user (type user, id = its user id)',
    ),
    roleId: idInput.describe('a built-in role id (builtin.*) or a custom role of the tenant'),
    tenantId: idInput,
    folderId: idInput
      .nullable()
      .default(null)
      .describe('null or absent: the whole tenant; else the folder and all its sub-folders'),
  })
  .strict();
export type AssignRoleBody = z.output<typeof assignRoleBodySchema>;
