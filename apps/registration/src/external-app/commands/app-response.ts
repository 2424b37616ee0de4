import { Inject, Injectable } from '@nestjs/common';
import { Clock, RegistrationEvent } from '@extapps/contracts';
import { EventStore, StoredEvent } from '@extapps/event-store';
import type { FastifyReply } from 'fastify';
import { CLOCK, EVENT_STORE } from '../../infrastructure/tokens';
import { SecretUsageStore } from '../../secret-usage/secret-usage.store';
import { projectAll } from '../projections/app-view.projection';
import { AppViewStore } from '../projections/app-view.store';
import { toAppResponse } from '../queries/app-response';
import { AppResponse } from '../queries/schemas';
import { AppCommandResult } from './command-runner';
import { etagOf } from './request-meta';

export interface ResponseHeaders {
  readonly location?: string;
  /** For responses carrying a plaintext secret. */
  readonly noStore?: boolean;
}

/**
 * Renders a command's result as GET /v1/apps/{id} renders the app, so a client can use either.
 * The view is read-your-writes: the runner projected it already; when that failed (or lags), the
 * missing events are folded here from the store with the same pure projection.
 */
@Injectable()
export class AppResponder {
  constructor(
    private readonly views: AppViewStore,
    private readonly usage: SecretUsageStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  headers(reply: FastifyReply, result: AppCommandResult, extra: ResponseHeaders = {}): void {
    void reply.header('etag', etagOf(result.version));
    if (extra.location) void reply.header('location', extra.location);
    if (extra.noStore) void reply.header('cache-control', 'no-store');
  }

  async app({ appId, version }: AppCommandResult): Promise<AppResponse> {
    const stored = await this.views.load(appId);
    const at = stored?.version ?? 0;
    const missing =
      at >= version
        ? []
        : await this.store.readStream(appId, { fromVersion: at + 1, toVersion: version });
    const view = projectAll(stored, missing as StoredEvent<RegistrationEvent>[]);
    if (!view) throw new Error(`app ${appId} has no events up to version ${version}`);
    const usage = await this.usage.lastUsedOf([appId]);
    return toAppResponse(view, usage.get(appId), this.clock.now());
  }
}
