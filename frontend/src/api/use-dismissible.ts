import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from './api-error';
import { useApiData } from './use-api-data';

/**
 * A list of alerts the user dismisses one by one (the leak banners): loads `load()` again after
 * each dismissal (and whenever `refreshKey` changes), says `dismissedMessage` when one went, and
 * tells which item is being dismissed.
 */
export function useDismissibleList<T>(
  load: () => Promise<T[]>,
  dismissOne: (id: string) => Promise<unknown>,
  dismissedMessage: string,
  refreshKey = '',
): { items: T[]; busy: string | null; dismiss: (id: string) => Promise<void> } {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [dismissCount, setDismissCount] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const list = useApiData(load, `${refreshKey}:${dismissCount}`);

  const dismiss = useCallback(
    async (id: string) => {
      setBusy(id);
      try {
        await dismissOne(id);
        void message.success(dismissedMessage);
        setDismissCount((count) => count + 1);
      } catch (error) {
        void message.error(describeError(error, t));
      } finally {
        setBusy(null);
      }
    },
    [dismissOne, dismissedMessage, message, t],
  );
  return { items: list.data ?? [], busy, dismiss };
}
