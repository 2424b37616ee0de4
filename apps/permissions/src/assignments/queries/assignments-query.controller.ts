import { Controller, Get, Inject, Param, Query, Res, UseFilters } from '@nestjs/common';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes, ZodValidationPipe } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { ASSIGNMENT_LOOKUP, AssignmentLookup } from '../../access/ports';
import { AggregateRepository } from '../../infrastructure/aggregate-repository';
import { ProblemCodeFilter } from '../../infrastructure/http/problem.filter';
import { notFound } from '../../infrastructure/http/problems';
import { setEtag } from '../../infrastructure/http/request-meta';
import { ASSIGNMENT_REPOSITORY } from '../assignment.aggregate';
import {
  AssignmentListResponse,
  assignmentRefResponse,
  AssignmentResponse,
  assignmentResponse,
} from '../assignment-response';
import { AssignmentState } from '../assignment.state';
import { AssignmentIdPipe } from '../commands/assignment-id.pipe';
import { ListAssignmentsQuery, listAssignmentsQuerySchema, matching } from './list-assignments';

@Controller('v1/assignments')
@UseFilters(ProblemCodeFilter)
@RequireScopes(AdminScopes.permissionsRead)
export class AssignmentsQueryController {
  constructor(
    @Inject(ASSIGNMENT_LOOKUP) private readonly lookup: AssignmentLookup,
    @Inject(ASSIGNMENT_REPOSITORY)
    private readonly assignments: AggregateRepository<AssignmentState>,
  ) {}

  /**
   * Live assignments from the access index (the one every check reads): in step with this
   * instance's own writes at once, with other instances' within Kafka's latency.
   */
  @Get()
  list(
    @Query(new ZodValidationPipe(listAssignmentsQuerySchema)) query: ListAssignmentsQuery,
  ): AssignmentListResponse {
    const found = [...matching(this.lookup, query)]
      .filter((a) => query.after === undefined || a.assignmentId > query.after)
      .sort((a, b) => (a.assignmentId < b.assignmentId ? -1 : 1));
    const page = found.slice(0, query.limit);
    const next = found.length > query.limit ? (page.at(-1)?.assignmentId ?? null) : null;
    return { assignments: page.map(assignmentRefResponse), next };
  }

  /** One assignment from its stream, live or ended (with why), and its version as ETag. */
  @Get(':assignmentId')
  async get(
    @Param('assignmentId', AssignmentIdPipe) assignmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssignmentResponse> {
    const { state, version } = await this.assignments.load(assignmentId);
    if (state.status === 'none') throw notFound('assignment-not-found', 'no such assignment');
    setEtag(reply, version);
    return assignmentResponse(state, version);
  }
}
