import type { Deps } from '../../platform/context';
export function followUpService(_deps: Deps) { return {}; }
