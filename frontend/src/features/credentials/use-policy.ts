import { useCallback } from 'react';
import { tesseraApi } from '../../api/tessera-api';
import type { TokenPolicy } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { DEFAULT_POLICY } from './token-form-model';

/** The server's token policy (`GET /api/policy`); its defaults until it answers or if it fails. */
export function usePolicy(): TokenPolicy {
  const load = useCallback(() => tesseraApi.getPolicy(), []);
  return useApiData<TokenPolicy>(load, 'policy').data ?? DEFAULT_POLICY;
}
