import { Controller, Get, Inject, Query } from '@nestjs/common';
import { AdminScopes, Clock } from '@extapps/contracts';
import { RequireScopes, SERVICE_CONFIG } from '@extapps/platform';
import { z } from 'zod';
import { RegistrationConfig } from '../config';
import { QueryPipe } from '../external-app/queries/query-pipe';
import { ExpiringSecret, expiringSecretsQuerySchema } from '../external-app/queries/schemas';
import { CLOCK } from '../infrastructure/tokens';
import { EXPIRING_SECRETS_SOURCE, ExpiringSecretsSource } from './expiring-secrets';
import { DAY_MS } from './secret-expiry.check';

/** Secrets that are not revoked and expire within the window (the configured one by default). */
@Controller('v1/expiring-secrets')
@RequireScopes(AdminScopes.appsRead)
export class ExpiringSecretsController {
  constructor(
    @Inject(EXPIRING_SECRETS_SOURCE) private readonly source: ExpiringSecretsSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: RegistrationConfig,
  ) {}

  @Get()
  async list(
    @Query(new QueryPipe(expiringSecretsQuerySchema))
    query: z.output<typeof expiringSecretsQuerySchema>,
  ): Promise<{ items: ExpiringSecret[] }> {
    const days = query.withinDays ?? this.config.SECRET_EXPIRY_WARNING_DAYS;
    const due = await this.source.find({
      now: this.clock.now(),
      windowMs: days * DAY_MS,
      unwarnedOnly: false,
    });
    const items = due.map(({ app, secret }) => ({
      appId: app.id,
      appName: app.name,
      secretId: secret.id,
      description: secret.description,
      expiresAt: secret.expiresAt.toISOString(),
      expiryWarnedAt: secret.expiryWarnedAt?.toISOString() ?? null,
    }));
    return { items };
  }
}
