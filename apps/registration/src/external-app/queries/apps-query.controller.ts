import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppHistory } from './app-history';
import { AppQueries } from './app-queries';
import { QueryPipe } from './query-pipe';
import {
  AppListResponse,
  AppResponse,
  getAppQuerySchema,
  HistoryQuery,
  historyQuerySchema,
  HistoryResponse,
  ListAppsQuery,
  listAppsQuerySchema,
} from './schemas';

const notFound = () => new NotFoundException('No app is registered under this id.');

/** The read side of /v1/apps; the command side registers its own controller on the same path. */
@Controller('v1/apps')
@RequireScopes(AdminScopes.appsRead)
export class AppsQueryController {
  constructor(
    private readonly apps: AppQueries,
    private readonly history: AppHistory,
  ) {}

  @Get()
  list(@Query(new QueryPipe(listAppsQuerySchema)) query: ListAppsQuery): Promise<AppListResponse> {
    return this.apps.list(query);
  }

  /** The current app with its version as ETag, or with `asOf` the app as it was then. */
  @Get(':id')
  async get(
    @Param('id') id: string,
    @Query(new QueryPipe(getAppQuerySchema)) query: z.output<typeof getAppQuerySchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppResponse> {
    if (query.asOf) return (await this.apps.getAsOf(id, query.asOf)) ?? throwIt(notFound());
    const app = (await this.apps.get(id)) ?? throwIt(notFound());
    void reply.header('etag', `"${app.version}"`);
    return app;
  }

  @Get(':id/history')
  async getHistory(
    @Param('id') id: string,
    @Query(new QueryPipe(historyQuerySchema)) query: HistoryQuery,
  ): Promise<HistoryResponse> {
    return (await this.history.page(id, query)) ?? throwIt(notFound());
  }
}

function throwIt(error: Error): never {
  throw error;
}
