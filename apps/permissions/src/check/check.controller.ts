import { Body, Controller, HttpCode, Post, UseFilters } from '@nestjs/common';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes } from '@extapps/platform';
import { AccessDecision } from '../access/access-decision';
import { AccessIndex } from '../access/access-index';
import { ProblemCodeFilter } from '../infrastructure/http/problem.filter';
import { AccessReadiness } from './access-readiness';
import { parseBatch, parseCheck } from './check-request';

/**
 * "May this principal do this here?", answered from the in-memory index. The bodies are read
 * as they arrive (no pipe) so the hot path is one hand validation and one index lookup.
 */
@Controller('v1/check')
@UseFilters(ProblemCodeFilter)
@RequireScopes(AdminScopes.permissionsRead)
export class CheckController {
  constructor(
    private readonly index: AccessIndex,
    private readonly readiness: AccessReadiness,
  ) {}

  @Post()
  @HttpCode(200)
  check(@Body() body: unknown): AccessDecision {
    const query = parseCheck(body);
    this.readiness.assertReady();
    return this.index.check(query);
  }

  @Post('batch')
  @HttpCode(200)
  batch(@Body() body: unknown): { results: AccessDecision[] } {
    const queries = parseBatch(body);
    this.readiness.assertReady();
    return { results: queries.map((query) => this.index.check(query)) };
  }
}
