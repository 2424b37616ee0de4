import { z } from 'zod';
import { permissionsInput, roleNameInput } from '../role-inputs';

export const changeRoleBodySchema = z
  .object({
    name: roleNameInput.optional(),
    permissions: permissionsInput.optional().describe('the whole new set, replacing the old one'),
  })
  .strict()
  .refine((body) => body.name !== undefined || body.permissions !== undefined, {
    message: 'send name, permissions or both',
  });
export type ChangeRoleBody = z.output<typeof changeRoleBodySchema>;
