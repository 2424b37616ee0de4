import { principalSchema } from '@extapps/contracts';
import { z } from 'zod';
import { AssignmentRef } from '../access/ports';
import { Assignment } from './assignment.state';

const placeShape = {
  assignmentId: z.string(),
  principal: principalSchema,
  roleId: z.string(),
  tenantId: z.string(),
  folderId: z
    .string()
    .nullable()
    .describe('null: the whole tenant; else the folder and its sub-folders'),
};

export const assignmentResponseSchema = z.object({
  ...placeShape,
  status: z.enum(['assigned', 'unassigned']),
  reason: z
    .string()
    .nullable()
    .describe('why it ended (unassigned, app-deleted, user-deleted, ...); null while assigned'),
  version: z.number().int().describe('the assignment stream version (the ETag)'),
});
export type AssignmentResponse = z.output<typeof assignmentResponseSchema>;

export const assignmentListSchema = z.object({
  assignments: z.array(z.object(placeShape)),
  next: z.string().nullable().describe('pass as `after` for the next page; null on the last'),
});
export type AssignmentListResponse = z.output<typeof assignmentListSchema>;

export const assignmentResponse = (a: Assignment, version: number): AssignmentResponse => ({
  assignmentId: a.assignmentId,
  principal: { ...a.principal },
  roleId: a.roleId,
  tenantId: a.tenantId,
  folderId: a.folderId,
  status: a.status,
  reason: a.reason,
  version,
});

export const assignmentRefResponse = (a: AssignmentRef) => ({
  assignmentId: a.assignmentId,
  principal: { ...a.principal },
  roleId: a.roleId,
  tenantId: a.tenantId,
  folderId: a.folderId,
});
