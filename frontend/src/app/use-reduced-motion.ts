import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia?.(QUERY);
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

const reducedNow = () => window.matchMedia?.(QUERY).matches === true;

/**
 * True while the system asks for less motion (WCAG 2.3.3): the panel then turns antd's zooms,
 * fades and slides off. Follows a change of the setting without a reload.
 */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, reducedNow, () => false);
}
