import { vocabulary } from '../src/server/domains/search/search.text';

/**
 * The search vocabulary of many texts: the same set as the union of the app's own vocabulary(text),
 * sorted. Computed per whitespace-separated chunk with a memo (words never span whitespace, and a
 * million generated summaries are made of a few thousand distinct chunks); a chunk seen before adds
 * nothing new, so only new chunks are tokenized.
 */
export function vocabularyOf(texts: Iterable<string>): string[] {
  const seen = new Set<string>();
  const terms = new Set<string>();
  for (const text of texts) {
    for (const chunk of text.split(/\s+/)) {
      if (chunk === '' || seen.has(chunk)) continue;
      seen.add(chunk);
      for (const w of vocabulary(chunk)) terms.add(w);
    }
  }
  return [...terms].sort();
}
