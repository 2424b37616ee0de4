import { HttpStatus, Injectable } from '@nestjs/common';
import { AccessFeed } from '../access/access-feed';
import { PermissionsProblem } from '../infrastructure/http/problems';

/**
 * Until the index has caught up with the topics, a check could deny what is granted (or allow
 * what was revoked): answering 503 then is safer than answering wrong. Readiness (/health/ready)
 * says the same to the load balancer; this covers callers that come anyway.
 */
@Injectable()
export class AccessReadiness {
  constructor(private readonly feed: AccessFeed) {}

  assertReady(): void {
    if (!this.feed.ready) {
      throw new PermissionsProblem(
        HttpStatus.SERVICE_UNAVAILABLE,
        'access-index-not-ready',
        'The access index is still catching up with the event topics; retry shortly.',
      );
    }
  }
}
