import type { Deps } from '../../platform/context';
export function noteService(_deps: Deps) { return {}; }
