import { z } from 'zod';
import { permissionsInput, roleNameInput } from '../role-inputs';

export const createRoleBodySchema = z
  .object({ name: roleNameInput, permissions: permissionsInput.default([]) })
  .strict();
export type CreateRoleBody = z.output<typeof createRoleBodySchema>;
