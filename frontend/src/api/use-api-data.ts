import { useCallback, useEffect, useRef, useState } from 'react';

export interface ApiData<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads `load()` whenever `key` changes or `reload()` is called. Answers that arrive after a newer
 * request started are dropped, so a fast filter change never shows stale rows.
 */
export function useApiData<T>(load: () => Promise<T>, key: string): ApiData<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [reloadCount, setReloadCount] = useState(0);
  const latestRequest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const request = ++latestRequest.current;
    setLoading(true);
    loadRef.current().then(
      (result) => {
        if (request !== latestRequest.current) return;
        setData(result);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (request !== latestRequest.current) return;
        setError(failure);
        setLoading(false);
      },
    );
  }, [key, reloadCount]);

  const reload = useCallback(() => setReloadCount((count) => count + 1), []);
  return { data, error, loading, reload };
}
