import { useEffect, useRef } from 'react';

/**
 * While `open`, remembers which control had focus when it opened (the button that opened a
 * dialog); when it closes, gives focus back to that control. Dialogs here unmount at once, so
 * antd's own restore (after its close animation) never runs. `fallback` names the control to focus
 * when nothing had focus at the opening (a mouse click on a link, or a deep link).
 */
export function useFocusReturn(open: boolean, fallback?: () => HTMLElement | null): void {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  if (open && !wasOpen.current && typeof document !== 'undefined') {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : opener.current;
  }
  useEffect(() => {
    if (open) {
      wasOpen.current = true;
      return;
    }
    if (!wasOpen.current) return;
    wasOpen.current = false;
    const target = opener.current;
    opener.current = null;
    const timer = window.setTimeout(() => {
      const element = target?.isConnected ? target : (fallback?.() ?? null);
      element?.focus();
    }, 0);
    return () => window.clearTimeout(timer);
    // `fallback` is read when the dialog closes; a new function each render must not re-run this.
  }, [open]);
}
