import { z } from 'zod';

export const searchTypes = ['contact', 'interaction'] as const;

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  type: z.enum(searchTypes).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const SearchHit = z.object({
  type: z.enum(searchTypes),
  id: z.string(),
  title: z.string(),
  snippet: z.string(),
  contactId: z.string().nullable().describe('For interactions: the first contact, to link to its timeline'),
});
export const SearchResult = z.object({ items: z.array(SearchHit) }).meta({ id: 'SearchResult' });

export type SearchHitDto = z.infer<typeof SearchHit>;
export type SearchType = (typeof searchTypes)[number];
