import type { BrowserContext, Page } from 'playwright-core';

/** The first link of a rendered row of the contacts list. */
export const FIRST_ROW = '[role="list"][aria-label="Contacts"] [role="listitem"] a[href]';

/**
 * Records, inside the page, the moment (performance.now(), from the start of the navigation) the first
 * contact row appears: a MutationObserver installed before any script of the page runs, so the figure
 * does not include Playwright's polling.
 */
export async function watchFirstRows(context: BrowserContext): Promise<void> {
  await context.addInitScript((selector: string) => {
    const w = window as unknown as { __rapportWatch: () => void; __firstRowsAt: number | null };
    w.__firstRowsAt = null;
    w.__rapportWatch = () => {
      w.__firstRowsAt = null;
      const observer = new MutationObserver(() => {
        if (document.querySelector(selector)) {
          w.__firstRowsAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    };
    w.__rapportWatch();
  }, FIRST_ROW);
}

/** A full page load of `path`: milliseconds from the start of the navigation to the first rows. */
export async function loadToFirstRows(page: Page, path: string): Promise<number> {
  await page.goto(path);
  await page.waitForFunction(() => (window as unknown as { __firstRowsAt: number | null }).__firstRowsAt !== null);
  return Math.round(await page.evaluate(() => (window as unknown as { __firstRowsAt: number }).__firstRowsAt));
}

/** An in-app navigation (a click): milliseconds from the click to the first rows. */
export async function clickToFirstRows(page: Page, click: () => Promise<void>): Promise<number> {
  // Rows of a previous visit still on screen would stop the clock before the click.
  await page.locator(FIRST_ROW).first().waitFor({ state: 'detached' });
  const started = await page.evaluate(() => {
    (window as unknown as { __rapportWatch: () => void }).__rapportWatch();
    return performance.now();
  });
  await click();
  await page.waitForFunction(() => (window as unknown as { __firstRowsAt: number | null }).__firstRowsAt !== null);
  return Math.round((await page.evaluate(() => (window as unknown as { __firstRowsAt: number }).__firstRowsAt)) - started);
}

/** Runs a measurement several times (the machine is shared and noisy) and describes the spread. */
export async function measureRuns(runs: number, measure: () => Promise<number>): Promise<{ all: number[]; median: number; text: string }> {
  const all: number[] = [];
  for (let i = 0; i < runs; i++) all.push(await measure());
  const sorted = [...all].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return { all, median, text: `median ${median} ms (runs: ${all.join(', ')} ms)` };
}
