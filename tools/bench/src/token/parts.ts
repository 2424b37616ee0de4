import { discoverTarget, verifySampleToken } from './grant-target';
import { PEER_NAME, PEER_RESOURCE, startPeer } from './peer';
import { measureRevocations } from './revocation';
import { eventRevoker, registrationRevoker, Revoker } from './revokers';
import { KnownApp, LOAD_RESOURCE, RegistrationTopic } from './seed-apps';
import { compareThroughput, GrantLoad } from './throughput';
import { log, TokenRun } from './token-run';
import { RunningTokenService } from './token-service';
import { TokenTopic } from './token-topic';

/** How long the outbox may take to deliver the last TokenIssued events before they are counted. */
const EVENTS_DELIVERY_TIMEOUT_MS = 60_000;

export interface ThroughputInputs {
  readonly ours: RunningTokenService;
  readonly clients: readonly KnownApp[];
  readonly tokenTopic: TokenTopic;
  /** Messages on the token topic before our instance started. */
  readonly eventsBefore: number;
}

/** Our instance against node-oidc-provider, same clients and load; then the events on Kafka. */
export async function throughputPart(run: TokenRun, inputs: ThroughputInputs): Promise<void> {
  const { settings, results } = run;
  const { ours, clients } = inputs;
  run.step = `starting ${PEER_NAME}`;
  const peer = await startPeer(clients, log);
  run.servers.push(peer);
  run.step = 'verifying a sample token of each server';
  const ourTarget = await discoverTarget('token service', ours.baseUrl, LOAD_RESOURCE, clients);
  const peerTarget = await discoverTarget(PEER_NAME, peer.baseUrl, PEER_RESOURCE, clients);
  const ourToken = await verifySampleToken(ourTarget);
  const peerToken = await verifySampleToken(peerTarget);
  run.step = 'measuring client_credentials throughput';
  const loads = [
    new GrantLoad(ourTarget, settings.concurrency),
    new GrantLoad(peerTarget, settings.concurrency),
  ] as const;
  await compareThroughput(loads, settings, log);
  ours.assertAlive();
  if (results.memory) {
    results.memory.afterLoad = await ours.memory();
    results.memory.peerAfterLoad = await peer.memory();
  }
  await peer.stop();
  run.step = 'counting TokenIssued events on extapps.token.events.v1';
  const issued = loads[0].issued + 1; // + the verified sample token
  await inputs.tokenTopic.reaches(inputs.eventsBefore + issued, EVENTS_DELIVERY_TIMEOUT_MS);
  const onTopic = await inputs.tokenTopic.countIssued(new Set(clients.map((c) => c.clientId)));
  results.throughput = {
    peerVersion: peer.version,
    ourToken,
    peerToken,
    ours: loads[0].stats(),
    peer: loads[1].stats(),
    issued,
    onTopic,
  };
}

export interface RevocationInputs {
  readonly instances: readonly RunningTokenService[];
  readonly topic: RegistrationTopic;
  /** Seeded apps to revoke when revocations are published as events. */
  readonly seeded: readonly KnownApp[];
}

/** Revokes secrets one by one and times how long each instance kept honouring them. */
export async function revocationPart(run: TokenRun, inputs: RevocationInputs): Promise<void> {
  const { settings } = run;
  run.step = `preparing ${settings.revocations} secrets to revoke (via ${settings.revokeVia})`;
  const revoker: Revoker =
    settings.revokeVia === 'event'
      ? eventRevoker(inputs.topic, inputs.seeded.slice(0, settings.revocations))
      : await registrationRevoker({
          infra: run.infra,
          database: `${run.database}_registration`,
          count: settings.revocations,
          run: run.id,
          log,
        });
  if (settings.revokeVia === 'registration') run.databases.push(`${run.database}_registration`);
  try {
    run.step = 'measuring revocation propagation';
    const targets = inputs.instances.map((s) =>
      discoverTarget(s.name, s.baseUrl, LOAD_RESOURCE, []),
    );
    const samples = await measureRevocations({
      instances: await Promise.all(targets),
      revoker,
      timeoutMs: settings.revocationTimeoutMs,
      log,
    });
    run.results.revocation = { how: revoker.how, samples };
  } finally {
    await revoker.stop();
  }
}
