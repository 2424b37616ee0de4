import { RegistrationEventPayload } from '@extapps/contracts';
import { AppNames, liveNameKey, NameClaim } from '../../infrastructure/app-names';
import { LoadedApp } from '../../infrastructure/app-repository';
import { ExternalAppState } from '../external-app.state';
import { nameTaken } from './problems';

/** Names the events give the app. */
function namesGiven(events: readonly RegistrationEventPayload[]): string[] {
  return events.flatMap((e) => {
    if (e.type === 'ExternalAppRegistered') return [e.data.name];
    if (e.type === 'ExternalAppRenamed') return [e.data.after];
    return [];
  });
}

/** Keeps the organization-wide name index in step with one command's events. */
export class NameGuard {
  constructor(
    private readonly names: AppNames,
    private readonly load: (appId: string) => Promise<LoadedApp>,
  ) {}

  /** Claims every name the events give the app, before they are appended; 409 when one is taken. */
  async claim(appId: string, events: readonly RegistrationEventPayload[]): Promise<NameClaim[]> {
    const claims: NameClaim[] = [];
    for (const name of namesGiven(events)) {
      const claim = await this.names.claim(name, appId);
      if (!claim) {
        await this.abandon(appId, claims);
        throw nameTaken(name);
      }
      claims.push(claim);
    }
    return claims;
  }

  /**
   * After a failed append, gives back the claims the app does not use. The state is read again:
   * a concurrent command of the same app may have stored the very name, re-claiming it first.
   * Caveat: a third command of the same app, renaming to that name and still in flight, can
   * lose its claim this way: the name it stores is then unclaimed, and another app could take it.
   */
  async abandon(appId: string, claims: readonly NameClaim[]): Promise<void> {
    if (claims.length === 0) return;
    const current = liveNameKey((await this.load(appId)).state);
    for (const claim of claims.filter((c) => c.key !== current)) await this.names.abandon(claim);
  }

  /** After a successful append, releases the names the app carried before and carries no more. */
  async settle(appId: string, before: ExternalAppState, after: ExternalAppState): Promise<void> {
    const previous = liveNameKey(before);
    const current = liveNameKey(after);
    if (previous !== null && previous !== current) await this.names.release(previous, appId);
  }
}
