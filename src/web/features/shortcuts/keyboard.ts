/** Text-entry elements: a shortcut key typed there is text, never a command. */
const textInputTypes = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'time', 'month', 'week', '']);

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return textInputTypes.has(target.type);
  return target.getAttribute('role') === 'combobox' || target.getAttribute('role') === 'textbox';
}

/**
 * Whether a keydown may run a single-key shortcut: no modifier (Shift is part of "?" on most layouts),
 * not typed into a field, and not inside an open dialog (which has its own keys).
 */
export function isPlainShortcut(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
  if (isTypingTarget(event.target)) return false;
  return !(event.target instanceof Element && event.target.closest('[role="dialog"]'));
}

/** Where "/" puts the cursor: the page's own filter when it has one (mark it with data-shortcut="search"). */
export const SEARCH_FIELD = '[data-shortcut="search"]';
