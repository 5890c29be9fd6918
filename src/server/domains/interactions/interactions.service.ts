import type { Deps } from '../../platform/context';
export function interactionService(_deps: Deps) { return {}; }
