import { useEffect, useRef, type RefObject } from 'react';
import { isPlainShortcut } from './keyboard';

const HEADER_HEIGHT = 60;

/**
 * J/K (and ↓/↑ once the list has focus) move the keyboard focus from row to row of a virtualized list;
 * Enter opens the focused row's link (natively, or from its checkbox); X toggles the row's selection.
 * Rows are elements with data-index inside `listRef`, each with one link. Focus is the real DOM focus,
 * so the row shows the focus ring and a screen reader announces it.
 */
export function useListKeys({
  listRef,
  count,
  scrollToIndex,
  onToggle,
}: {
  listRef: RefObject<HTMLElement | null>;
  count: number;
  scrollToIndex: (index: number) => void;
  onToggle?: (index: number) => void;
}) {
  const active = useRef(-1);
  const latest = useRef({ count, scrollToIndex, onToggle });
  latest.current = { count, scrollToIndex, onToggle };

  useEffect(() => {
    const rowOf = (element: Element | null) => {
      const row = element?.closest<HTMLElement>('[data-index]');
      return row && listRef.current?.contains(row) ? Number(row.dataset.index) : -1;
    };
    const rendered = (index: number) => listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`) ?? null;
    const firstVisible = () => {
      for (const row of listRef.current?.querySelectorAll<HTMLElement>('[data-index]') ?? [])
        if (row.getBoundingClientRect().bottom > HEADER_HEIGHT) return Number(row.dataset.index);
      return 0;
    };
    const focusRow = (index: number) => {
      active.current = index;
      let tries = 0;
      const focus = () => {
        const link = rendered(index)?.querySelector<HTMLElement>('a[href]');
        if (link) {
          link.focus();
          return;
        }
        // Not rendered (the list was scrolled far away): bring it into the window, then focus it.
        if (tries === 0) latest.current.scrollToIndex(index);
        if (tries++ < 10) requestAnimationFrame(focus);
      };
      focus();
    };
    const move = (step: 1 | -1) => {
      const { count } = latest.current;
      if (count === 0) return;
      const current = rowOf(document.activeElement);
      const from = current >= 0 ? current : active.current;
      const next = from < 0 ? firstVisible() : Math.min(count - 1, Math.max(0, from + step));
      focusRow(next);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      const inList = rowOf(document.activeElement) >= 0;
      if (inList && (event.key === 'ArrowDown' || event.key === 'ArrowUp') && !event.altKey && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        move(event.key === 'ArrowDown' ? 1 : -1);
        return;
      }
      if (inList && event.key === 'Enter' && !(document.activeElement instanceof HTMLAnchorElement)) {
        const link = rendered(rowOf(document.activeElement))?.querySelector<HTMLElement>('a[href]');
        if (link) {
          event.preventDefault();
          link.click();
        }
        return;
      }
      if (!isPlainShortcut(event) || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === 'j' || key === 'k') {
        event.preventDefault();
        move(key === 'j' ? 1 : -1);
      } else if (key === 'x' && latest.current.onToggle) {
        const index = inList ? rowOf(document.activeElement) : active.current;
        if (index >= 0) {
          event.preventDefault();
          latest.current.onToggle(index);
        }
      }
    };
    const onFocusIn = (event: FocusEvent) => {
      const index = rowOf(event.target as Element);
      if (index >= 0) active.current = index;
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [listRef]);
}
