import type { Deps } from '../../platform/context';
export function organizationService(_deps: Deps) { return {}; }
