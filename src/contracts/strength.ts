import { z } from 'zod';

/** The explainable relationship strength carried on every contact (issue 5; docs/relationship-strength.md). */
export const strengthFactors = ['recency', 'frequency', 'depth', 'reciprocity', 'history', 'trend'] as const;
export const trends = ['rising', 'steady', 'fading'] as const;
export const strengthBands = ['inner', 'close', 'friendly', 'acquainted', 'dormant'] as const;

export const StrengthReason = z.object({
  factor: z.enum(strengthFactors),
  points: z.number().describe('Points this factor contributes (0 for the trend, which does not score)'),
  max: z.number(),
  text: z.string().describe('The reason in words, e.g. "no contact for 94 days, usually every 30"'),
});
export const Strength = z
  .object({
    score: z.number().int().min(0).max(100),
    band: z.enum(strengthBands).describe('≥ 80 inner, 60–79 close, 35–59 friendly, 15–34 acquainted, below dormant'),
    trend: z.enum(trends),
    reasons: z.array(StrengthReason).describe('Most telling first'),
  })
  .meta({ id: 'Strength' });

export type StrengthDto = z.infer<typeof Strength>;
export type StrengthReasonDto = z.infer<typeof StrengthReason>;
export type Trend = (typeof trends)[number];
