// `npx nx run token:create-user -- --username alice --display-name "Alice"`: creates an
// organization user, e.g. the first one, before any admin app has a token. The password comes
// from CREATE_USER_PASSWORD or stdin, never from the arguments. Reads MONGO_URL and MONGO_DB (and
// the scrypt and outbox settings) like the service. UserCreated goes to the service's outbox,
// which any running token instance relays to Kafka.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { systemClock } from '@extapps/contracts';
import { connectMongo } from '@extapps/mongo';
import { createLogger, loadConfig } from '@extapps/platform';
import pino from 'pino';
import { configSchema } from '../../config';
import { OutboxTokenEventSink } from '../../events/outbox-token-event-sink';
import { MongoTokenOutbox } from '../../events/outbox/mongo-token-outbox';
import { MongoSignInGuards } from '../mongo-sign-in-guards';
import { MongoUserStore } from '../mongo-user-store';
import { checkNewUser, FieldProblem } from '../new-user';
import { PasswordHasher } from '../password-hasher';
import { UserDirectory } from '../user-directory';
import { scryptOf } from '../user-settings';
import { readPassword } from './read-password';

const USAGE = 'usage: create-user --username <name> --display-name <name>';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { username: { type: 'string' }, 'display-name': { type: 'string' } },
    strict: true,
  });
  const username = values.username;
  const displayName = values['display-name'];
  if (username === undefined || displayName === undefined) throw new Error(USAGE);
  const config = loadConfig(
    configSchema.pick({
      MONGO_URL: true,
      MONGO_DB: true,
      LOG_LEVEL: true,
      PASSWORD_SCRYPT_LOG2N: true,
      EVENTS_OUTBOX_MAX_BATCH: true,
      EVENTS_OUTBOX_MAX_WAITING: true,
      EVENTS_OUTBOX_TIMEOUT_MS: true,
    }),
  );
  const password = await readPassword();
  // Checked again by the directory; here only to fail before connecting.
  const checked = checkNewUser({ username, displayName, password });
  if (!checked.ok)
    throw new Error(`The user is invalid; see errors.${problemList(checked.problems)}`);
  const connection = await connectMongo({ url: config.MONGO_URL, dbName: config.MONGO_DB });
  try {
    const events = new OutboxTokenEventSink({
      outbox: new MongoTokenOutbox(connection),
      maxBatch: config.EVENTS_OUTBOX_MAX_BATCH,
      maxWaiting: config.EVENTS_OUTBOX_MAX_WAITING,
      timeoutMs: config.EVENTS_OUTBOX_TIMEOUT_MS,
    });
    const directory = new UserDirectory({
      users: new MongoUserStore(connection),
      guards: new MongoSignInGuards(connection),
      events,
      hasher: new PasswordHasher(scryptOf(config)),
      clock: systemClock,
      // stdout carries the created user; the log goes to stderr.
      logger: createLogger({
        service: 'token-create-user',
        level: config.LOG_LEVEL,
        destination: pino.destination(2),
      }),
    });
    const actor = { type: 'system' as const, id: 'create-user-cli', displayName: osUser() };
    const outcome = await directory.create(
      { username, displayName, password },
      { actor, correlationId: randomUUID() },
    );
    if (!outcome.ok)
      throw new Error(`${outcome.error.message}${problemList(outcome.error.problems ?? [])}`);
    await events.drain();
    process.stdout.write(`${JSON.stringify(outcome.user, null, 2)}\n`);
  } finally {
    await connection.close();
  }
}

const problemList = (problems: readonly FieldProblem[]) =>
  problems.map((p) => `\n  ${p.field}: ${p.message}`).join('');

function osUser(): string {
  try {
    return userInfo().username.slice(0, 200);
  } catch {
    return 'unknown';
  }
}

main().catch((error: unknown) => {
  console.error(`[create-user] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
