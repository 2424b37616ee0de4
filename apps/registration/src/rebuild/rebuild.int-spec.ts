import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { ecKey, newSecret } from '../external-app/testing/fixtures';
import {
  day,
  readSide,
  ReadSide,
  registerApp,
  registerPublicApp,
} from '../external-app/projections/testing/read-side-fixture';
import { storedEvent } from '../external-app/projections/testing/history';
import { asEvents } from '../external-app/projections/catch-up';
import { cursorEvents, pagedEvents } from './event-batches';
import { rebuildAppViews } from './rebuild';

describe('rebuildAppViews', () => {
  let side: ReadSide;
  beforeAll(async () => {
    side = await readSide('rebuild');
    // Interleaved across apps, so each batch of 7 continues streams begun in earlier batches.
    for (let round = 0; round < 4; round++) {
      for (let n = 0; n < 6; n++) await side.given(`app-${n}`, stepsFor(n, round));
    }
  });
  afterAll(() => side.close());

  function stepsFor(n: number, round: number) {
    const at = day(round * 10 + n);
    const appId = `app-${n}`;
    if (round === 0) {
      return [
        n === 5
          ? registerPublicApp(appId, `Desktop ${n}`, at)
          : registerApp(appId, `Robot ${n}`, at, day(60)),
      ];
    }
    if (n === 5) {
      return [
        {
          command: {
            type: 'ChangeRedirectUris' as const,
            redirectUris: [`http://127.0.0.1:${round}/cb`],
          },
          at,
        },
      ];
    }
    const steps = {
      1: [
        { command: { type: 'RenameExternalApp' as const, name: `Robot ${n}.${round}` }, at },
        { command: { type: 'AddSecret' as const, ...newSecret(round + 1, day(45)) }, at },
        {
          command: { type: 'ChangeClientKeys' as const, jwks: { keys: [ecKey(`k-${n}`).public] } },
          at,
        },
        { command: { type: 'ChangeAccessTokenLifetime' as const, seconds: 600 + n }, at },
      ],
      2: [
        { command: { type: 'RevokeSecret' as const, secretId: 'sec-1' }, at },
        {
          command: {
            type: 'ChangeScopes' as const,
            userScopes: [],
            applicationScopes: ['OR.Jobs.Read'],
          },
          at,
        },
        { command: { type: 'ChangeRedirectUris' as const, redirectUris: [] }, at },
      ],
      3: [
        { command: { type: 'DisableExternalApp' as const }, at },
        ...(n % 2 === 0 ? [{ command: { type: 'DeleteExternalApp' as const }, at }] : []),
        ...(n % 2 === 1 ? [{ command: { type: 'EnableExternalApp' as const }, at }] : []),
      ],
    } as const;
    return steps[round as 1 | 2 | 3];
  }

  it('given views projected live, when rebuilt from the log, then the documents are equal', async () => {
    // The expiry check's warning too, as the decider emits it.
    const version = (await side.store.streamVersion('app-1')) + 1;
    const warning = storedEvent(
      'app-1',
      { type: 'SecretExpiringSoon', data: { secretId: 'sec-2', expiresAt: day(45).toISOString() } },
      { version, position: 0, occurredAt: day(40) },
    );
    await side.projector.project(asEvents([await side.store.append(warning.event, version - 1)]));
    const live = await side.documents();
    expect(live).toHaveLength(6);
    expect(live.map((d) => d.status)).toEqual([
      'deleted',
      'active',
      'deleted',
      'active',
      'deleted',
      'active',
    ]);
    expect(live.map((d) => d.accessTokenLifetimeSeconds)).toEqual([600, 601, 602, 603, 604, null]);
    expect(live.map((d) => d.jwks?.keys[0]?.kid ?? null)).toEqual([
      'k-0',
      'k-1',
      'k-2',
      'k-3',
      'k-4',
      null,
    ]);

    const result = await rebuildAppViews(pagedEvents(side.store, 7), side);

    expect(await side.documents()).toEqual(live);
    expect(result).toMatchObject({ events: live.reduce((sum, d) => sum + d.version, 0), views: 6 });
    expect(result.eventsPerSecond).toBeGreaterThan(0);
  });

  it('given one cursor over the log and views flushed early, when rebuilt, then the documents are equal', async () => {
    const live = await side.documents();
    await side.views.model.updateOne({ _id: 'app-4' }, { $set: { name: 'tampered', version: 1 } });

    const source = cursorEvents(side.connection, 'events', 5);
    await rebuildAppViews(source, side, { maxViewsInMemory: 2 });

    expect(await side.documents()).toEqual(live);
  });

  it('given streams out of order and events missing from the batches, when rebuilt, then the documents are equal', async () => {
    const live = await side.documents();
    const log = await side.store.readAll({ limit: 1000 });
    const last = new Map(log.map(({ event }) => [event.streamId, event.streamVersion]));
    // Newest first, and every fifth event left out unless it ends its stream (a missing last
    // event cannot show as a gap; the live projector has it): each stream waits for its older
    // events, and what never comes is read from the store at the end.
    const scrambled = log
      .reverse()
      .filter(({ event }, i) => i % 5 !== 2 || last.get(event.streamId) === event.streamVersion);
    expect(scrambled.length).toBeLessThan(log.length - 3);

    await rebuildAppViews(inBatches(scrambled, 4), side, { maxViewsInMemory: 3 });

    expect(await side.documents()).toEqual(live);
  });

  it('runs as a CLI: prints counts and throughput, and exits non-zero on failure', async () => {
    const live = await side.documents();
    const run = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, ['-r', '@swc-node/register', MAIN], {
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '', SWC_NODE_PROJECT: 'tsconfig.base.json', ...env },
      });

    const { stdout } = await run({ MONGO_URL: mongoUrl(), MONGO_DB: side.connection.name });

    const events = live.reduce((sum, d) => sum + d.version, 0);
    expect(stdout).toContain(`done: ${events} events, 6 app views in `);
    expect(stdout).toMatch(/ s \([0-9]+ events\/s\)/);
    expect(await side.documents()).toEqual(live);
    await expect(run({ MONGO_URL: 'not a url' })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('[rebuild] failed'),
    });
  });
});

async function* inBatches<T>(items: readonly T[], size: number) {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

const ROOT = resolve(__dirname, '../../../..');
const MAIN = resolve(__dirname, 'main.ts');
const mongoUrl = () => process.env['MONGO_URL'] ?? '';
