// Entry point of the bulk loader's worker thread: the worker itself is TypeScript, loaded through
// tsx's API so that it runs the same under `node --import tsx` and under Vitest.
import { tsImport } from 'tsx/esm/api';

await tsImport('./bulk-load-worker.ts', import.meta.url);
