import type { FastifyReply } from 'fastify';
import { setEtag } from '../../infrastructure/http/request-meta';
import { AssignmentResponse, assignmentResponse } from '../assignment-response';
import { AssignmentCommandResult } from './assignment-command';

/** ETag (and Location for a new one) plus the assignment as GET /v1/assignments/{id} shows it. */
export function assignmentReply(
  reply: FastifyReply,
  result: AssignmentCommandResult,
  location?: string,
): AssignmentResponse {
  setEtag(reply, result.version);
  if (location) void reply.header('location', location);
  const { state } = result;
  // The decider accepts assigning only by making the assignment, unassigning only an existing one.
  if (state.status === 'none') throw new Error('an assignment command left no assignment');
  return assignmentResponse(state, result.version);
}
