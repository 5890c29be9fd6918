import { z } from 'zod';
import { goalMetrics } from './goals';

export const InsightsQuery = z.strictObject({
  weeks: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(4, 'must be at least 4').max(52, 'must be at most 52').default(12),
});
export const Insights = z
  .object({
    timezone: z.string(),
    kinds: z.array(z.string()).describe('Interaction kinds that occur in interactionsPerWeek'),
    interactionsPerWeek: z.array(z.object({ weekStart: z.string(), total: z.number().int(), byKind: z.record(z.string(), z.number().int()) })),
    circles: z.array(
      z.object({
        circle: z.string().describe('A circle, or "none"'),
        contacts: z.number().int(),
        averageStrength: z.number().nullable().describe('Mean strength 0-100 when strength is available, else null'),
        buckets: z.array(z.number().int()).describe('Contacts per strength band 0-19, 20-39, 40-59, 60-79, 80-100 (empty without strength)'),
      }),
    ),
    fading: z.array(
      z.object({ contactId: z.string(), name: z.string(), circle: z.string().nullable(), lastInteractionAt: z.string().nullable(), daysSince: z.number().int().nullable(), reason: z.string() }),
    ),
    goalStreaks: z.array(z.object({ metric: z.enum(goalMetrics), label: z.string(), target: z.number().int(), streak: z.number().int(), history: z.array(z.object({ weekStart: z.string(), count: z.number().int(), met: z.boolean() })) })),
  })
  .meta({ id: 'Insights' });

export type InsightsDto = z.infer<typeof Insights>;
