import { Controller, Get, Inject } from '@nestjs/common';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes } from '@extapps/platform';
import { ChainVerifier } from './chain-verifier';
import { VerificationReport } from './verification-report';

/**
 * GET /v1/audit/verify: 200 with the report whether the chain is intact or broken (the check
 * itself succeeded; `status` says what it found). Reads every record: callers arriving while a
 * run is in flight get that run's report.
 */
@Controller('v1/audit')
@RequireScopes(AdminScopes.auditRead)
export class VerifyController {
  constructor(@Inject(ChainVerifier) private readonly verifier: ChainVerifier) {}

  @Get('verify')
  verify(): Promise<VerificationReport> {
    return this.verifier.verify();
  }
}
