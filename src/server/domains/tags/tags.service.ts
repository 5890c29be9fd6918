import type { Deps } from '../../platform/context';
export function tagService(_deps: Deps) { return {}; }
