import {
  createEnvelope,
  EventDefinition,
  permissionsEvents,
  registrationEvents,
  tokenEvents,
  UnassignReason,
} from '@extapps/contracts';
import { AssignmentRef, PrincipalStanding } from '../../access/ports';
import { Reaction, ReactionEvent, ReactionFacts } from '../reaction-plan';
import { ListedAssignments } from './listed-assignments';

const definitions = new Map<string, EventDefinition<string, Record<string, unknown>>>(
  [...registrationEvents, ...tokenEvents, ...permissionsEvents].map((d) => [d.type, d]),
);

/** A valid envelope of any topic the reactions read. */
export function event(
  type: string,
  streamId: string,
  data: Record<string, unknown>,
): ReactionEvent {
  const definition = definitions.get(type);
  if (!definition) throw new Error(`no event ${type}`);
  definition.data.parse(data);
  const context = {
    streamId,
    streamVersion: 2,
    occurredAt: new Date('2026-03-01T12:00:00.000Z'),
    actor: { type: 'user', id: 'admin' } as const,
    correlationId: 'corr-1',
    causationId: null,
  };
  return createEnvelope(definition, data, context) as ReactionEvent;
}

export const app = { type: 'app', id: 'app-1' } as const;
export const user = { type: 'user', id: 'user-1' } as const;
export const ref = (assignmentId: string, place: Partial<AssignmentRef> = {}): AssignmentRef => ({
  assignmentId,
  principal: app,
  roleId: 'role-1',
  tenantId: 't-1',
  folderId: null,
  ...place,
});
export const place = { principal: app, roleId: 'role-1', tenantId: 't-1', folderId: null };
export const folderView = { name: 'F', parentId: null };
export const roleView = { name: 'R', permissions: [] };

export function facts(
  assignments: AssignmentRef[],
  more: Partial<Omit<ReactionFacts, 'assignments' | 'principals'>> & {
    standing?: PrincipalStanding;
  } = {},
): ReactionFacts {
  return {
    assignments: new ListedAssignments(assignments),
    principals: { lookup: () => more.standing ?? { kind: 'eligible' } },
    roleDeleted: more.roleDeleted ?? (() => false),
    tenantDeleted: more.tenantDeleted ?? (() => false),
    customRolesOf: more.customRolesOf ?? (() => []),
  };
}

export const unassign = (assignmentId: string, reason: UnassignReason): Reaction => ({
  kind: 'unassign',
  assignmentId,
  reason,
});
