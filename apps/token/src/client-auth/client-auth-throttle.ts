import { ExpiringMap } from './expiring-map';

export interface ClientAuthThrottleSettings {
  /** Failures of one source (client id + IP) within a window before that source is refused. */
  readonly perSourceLimit: number;
  /** Failures of one client id, from any source, within a window before new sources are refused. */
  readonly perClientLimit: number;
  readonly windowMs: number;
  /** Entries kept per table (windows, trusted sources); the oldest are dropped first. */
  readonly maxEntries: number;
  /** How long a source that authenticated stays exempt from the per-client limit. */
  readonly trustedSourceMs: number;
}

export const DEFAULT_CLIENT_AUTH_THROTTLE: ClientAuthThrottleSettings = {
  perSourceLimit: 10,
  perClientLimit: 100,
  windowMs: 60_000,
  maxEntries: 10_000,
  trustedSourceMs: 86_400_000,
};

/** Presented client ids are the attacker's to choose: keys are clipped so entries stay small. */
const MAX_KEY_PART = 200;
const sourceKey = (clientId: string, ip: string) =>
  `${clientId.slice(0, MAX_KEY_PART)}\n${ip.slice(0, 64)}`;
const clientKey = (clientId: string) => clientId.slice(0, MAX_KEY_PART);

/** Failures counted in a fixed window that starts with the first one. */
interface FailureWindow {
  failures: number;
}

/**
 * Brute-force protection for client authentication, in this instance's memory. Two fixed windows
 * count failures: per source (client id + IP), strict, and per client id, much higher. A key over
 * its limit is refused without looking at its credentials until its window ends; refused attempts
 * are not counted, so waiting the window out always works. A source that authenticated recently
 * is exempt from the per-client limit: an attacker spraying from many IPs can hold the client's
 * limit down only for sources that never succeeded, never for the app's own servers.
 */
export class ClientAuthThrottle {
  private readonly perSource: ExpiringMap<FailureWindow>;
  private readonly perClient: ExpiringMap<FailureWindow>;
  private readonly trusted: ExpiringMap<true>;

  constructor(
    private readonly settings: ClientAuthThrottleSettings = DEFAULT_CLIENT_AUTH_THROTTLE,
  ) {
    this.perSource = new ExpiringMap(settings.maxEntries);
    this.perClient = new ExpiringMap(settings.maxEntries);
    this.trusted = new ExpiringMap(settings.maxEntries);
  }

  /** True when this attempt must be refused without checking its credentials. */
  isThrottled(clientId: string, ip: string, now: Date): boolean {
    const at = now.getTime();
    const source = sourceKey(clientId, ip);
    if (failuresIn(this.perSource, source, at) >= this.settings.perSourceLimit) return true;
    if (this.trusted.get(source, at)) return false;
    return failuresIn(this.perClient, clientKey(clientId), at) >= this.settings.perClientLimit;
  }

  failed(clientId: string, ip: string, now: Date): void {
    const at = now.getTime();
    this.count(this.perSource, sourceKey(clientId, ip), at);
    this.count(this.perClient, clientKey(clientId), at);
  }

  /** The source starts afresh and is trusted; the client's own window keeps counting. */
  succeeded(clientId: string, ip: string, now: Date): void {
    const at = now.getTime();
    const source = sourceKey(clientId, ip);
    this.perSource.delete(source);
    this.trusted.set(source, true, at + this.settings.trustedSourceMs, at);
  }

  private count(windows: ExpiringMap<FailureWindow>, key: string, at: number): void {
    const window = windows.get(key, at);
    if (window) window.failures++;
    else windows.set(key, { failures: 1 }, at + this.settings.windowMs, at);
  }
}

const failuresIn = (windows: ExpiringMap<FailureWindow>, key: string, at: number): number =>
  windows.get(key, at)?.failures ?? 0;
