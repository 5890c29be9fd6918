import { generateDemoData } from '../../demo/demo-data';
import { loadDemo, type DemoCounts } from '../../demo/load-demo';
import type { Actor } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { Services } from '../../services';

/**
 * Fills the caller's own account with the deterministic demo data (the same as `rapport demo`), for the
 * "Load demo data" button of an empty account. Only an account without contacts (archived ones count):
 * loading into one with data would mix sample people into real ones.
 */
export function demoService(services: Services) {
  const { clock } = services.deps;
  // Two clicks (or two tabs) must not both pass the emptiness check and load twice.
  const loading = new Set<string>();

  async function hasContacts(actor: Actor): Promise<boolean> {
    for (const archived of [false, true]) {
      const page = await services.contacts.list(actor, { sort: 'name', limit: 1, archived });
      if (page.items.length) return true;
    }
    return false;
  }

  return {
    async load(actor: Actor, input: { seed: number; contacts: number }): Promise<{ counts: DemoCounts; seconds: number }> {
      if (loading.has(actor.userId)) throw new AppError('conflict', 'Demo data is already being loaded into this account');
      loading.add(actor.userId);
      try {
        if (await hasContacts(actor)) throw new AppError('conflict', 'This account already has contacts; demo data loads only into an empty account');
        const started = performance.now();
        const data = generateDemoData({ seed: input.seed, now: clock.now(), contacts: input.contacts });
        const counts = await loadDemo(services, actor, data);
        return { counts, seconds: Math.round(performance.now() - started) / 1000 };
      } finally {
        loading.delete(actor.userId);
      }
    },
  };
}
