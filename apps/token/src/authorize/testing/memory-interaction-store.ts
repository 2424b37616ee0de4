import {
  Interaction,
  InteractionStore,
  randomToken,
  storedIdOf,
} from '../interactions/interaction';

/** Unit tests: the interaction store's contract in a map (the Mongo one has its int-spec). */
export class MemoryInteractionStore implements InteractionStore {
  readonly interactions = new Map<string, Interaction>();

  start(interaction: Interaction): Promise<string> {
    const id = randomToken();
    this.interactions.set(storedIdOf(id), interaction);
    return Promise.resolve(id);
  }

  find(id: string, now: Date): Promise<Interaction | null> {
    const found = this.interactions.get(storedIdOf(id));
    return Promise.resolve(found && found.expiresAt > now ? found : null);
  }

  end(id: string): Promise<boolean> {
    return Promise.resolve(this.interactions.delete(storedIdOf(id)));
  }
}
