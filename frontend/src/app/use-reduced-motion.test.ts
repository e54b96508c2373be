import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePrefersReducedMotion } from './use-reduced-motion';

/** A matchMedia whose prefers-reduced-motion answer the test sets and changes. */
function fakeSystemSetting(reduced: boolean) {
  const listeners = new Set<() => void>();
  const list = {
    get matches() {
      return reduced;
    },
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => {
    expect(query).toBe('(prefers-reduced-motion: reduce)');
    return list as unknown as MediaQueryList;
  });
  return {
    change(next: boolean) {
      reduced = next;
      listeners.forEach((listener) => listener());
    },
    listeners,
  };
}

describe('usePrefersReducedMotion', () => {
  afterEach(() => vi.restoreAllMocks());

  it('follows the system setting, also when it changes, and stops listening when unmounted', () => {
    const setting = fakeSystemSetting(false);
    const { result, unmount } = renderHook(() => usePrefersReducedMotion());
    expect(result.current).toBe(false);
    act(() => setting.change(true));
    expect(result.current).toBe(true);
    act(() => setting.change(false));
    expect(result.current).toBe(false);
    unmount();
    expect(setting.listeners.size).toBe(0);
  });

  it('is true from the first render when the system already asks for less motion', () => {
    fakeSystemSetting(true);
    const { result } = renderHook(() => usePrefersReducedMotion());
    expect(result.current).toBe(true);
  });
});
