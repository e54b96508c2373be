import { useEffect, useRef } from 'react';

/**
 * While `open`, remembers which control had focus when it opened (the button that opened a
 * dialog); when it closes, gives focus back to that control. Dialogs here unmount at once, so
 * antd's own restore (after its close animation) never runs.
 */
export function useFocusReturn(open: boolean): void {
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
      if (target?.isConnected) target.focus();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [open]);
}
