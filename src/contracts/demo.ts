import { z } from 'zod';

export const DemoLoad = z
  .strictObject({
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(42).describe('Same seed, same data'),
    contacts: z.number().int().min(10, 'must be at least 10').max(1000, 'must be at most 1000').default(300),
  })
  .meta({ id: 'DemoLoad' });
export const DemoLoaded = z
  .object({
    counts: z.object({ organizations: z.number(), tags: z.number(), contacts: z.number(), interactions: z.number(), notes: z.number(), followUps: z.number() }),
    seconds: z.number(),
  })
  .meta({ id: 'DemoLoaded' });

export type DemoLoadedDto = z.infer<typeof DemoLoaded>;
