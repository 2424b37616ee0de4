import { Inject, Injectable } from '@nestjs/common';
import { Clock, RegistrationEvent } from '@extapps/contracts';
import { EventStore } from '@extapps/event-store';
import { FilterQuery } from 'mongoose';
import { CLOCK, EVENT_STORE } from '../../infrastructure/tokens';
import { SecretUsageStore } from '../../secret-usage/secret-usage.store';
import { AppView } from '../projections/app-view';
import { AppViewDocument, fromDocument } from '../projections/app-view.model';
import { projectAll } from '../projections/app-view.projection';
import { AppViewStore } from '../projections/app-view.store';
import { asEvents } from '../projections/catch-up';
import { toAppResponse } from './app-response';
import { encodeCursor } from './cursor';
import { AppListResponse, AppResponse, ListAppsQuery } from './schemas';

/** The list, one app, and one app as it was at an instant. */
@Injectable()
export class AppQueries {
  constructor(
    private readonly views: AppViewStore,
    private readonly usage: SecretUsageStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Ordered by (createdAt, id), which never changes for an app: pages neither repeat nor skip. */
  async list(query: ListAppsQuery): Promise<AppListResponse> {
    const documents = await this.views.model
      .find(listFilter(query))
      .sort({ createdAt: 1, _id: 1 })
      .limit(query.limit + 1)
      .lean<AppViewDocument[]>();
    const page = documents.slice(0, query.limit).map(fromDocument);
    const last = page[page.length - 1];
    const nextCursor =
      documents.length > query.limit && last
        ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id })
        : null;
    return { items: await this.respond(page), nextCursor };
  }

  async get(id: string): Promise<AppResponse | null> {
    const view = await this.views.load(id);
    return view ? ((await this.respond([view]))[0] ?? null) : null;
  }

  /**
   * The app folded from its events up to `asOf`, with secret statuses at that instant. Last use
   * is null: only the latest use is kept, not a history of uses.
   */
  async getAsOf(id: string, asOf: Date): Promise<AppResponse | null> {
    const stored = asEvents<RegistrationEvent>(await this.store.readStream(id));
    // The prefix before the first later event: should clocks of two instances disagree, a fold
    // still never skips a version.
    const later = stored.findIndex(({ event }) => Date.parse(event.occurredAt) > asOf.getTime());
    const view = projectAll(null, later === -1 ? stored : stored.slice(0, later));
    return view ? toAppResponse(view, undefined, asOf) : null;
  }

  private async respond(views: readonly AppView[]): Promise<AppResponse[]> {
    const usage = await this.usage.lastUsedOf(views.map((v) => v.id));
    const now = this.clock.now();
    return views.map((view) => toAppResponse(view, usage.get(view.id), now));
  }
}

function listFilter(query: ListAppsQuery): FilterQuery<AppViewDocument> {
  const after = query.cursor && {
    createdAt: new Date(query.cursor.createdAt),
    id: query.cursor.id,
  };
  return {
    status: query.status ?? { $in: ['active', 'disabled'] },
    ...(query.type && { type: query.type }),
    ...(query.name && { name: { $regex: escapeRegex(query.name), $options: 'i' } }),
    ...(after && {
      $or: [
        { createdAt: { $gt: after.createdAt } },
        { createdAt: after.createdAt, _id: { $gt: after.id } },
      ],
    }),
  };
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
