import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error';
import { tesseraApi } from '../../api/tessera-api';
import type { ApiToken } from '../../api/types';

/** `rotate` and `regenerate` open the one secret-replacing dialog (grace period, new expiry); the others ask to confirm. */
export type ConfirmedTokenAction = 'revoke' | 'regenerate' | 'delete' | 'restore' | 'rotate' | 'duplicate';

const ACTION_COPY: Record<Exclude<ConfirmedTokenAction, 'rotate' | 'regenerate' | 'duplicate'>, { title: string; content: string; ok: string; done: string; danger: boolean }> = {
  revoke: {
    title: 'credentials.confirm.revokeTitle',
    content: 'credentials.confirm.revokeContent',
    ok: 'credentials.actions.revoke',
    done: 'credentials.confirm.revokeDone',
    danger: true,
  },
  delete: {
    title: 'credentials.confirm.deleteTitle',
    content: 'credentials.confirm.deleteContent',
    ok: 'credentials.actions.delete',
    done: 'credentials.confirm.deleteDone',
    danger: true,
  },
  restore: {
    title: 'credentials.confirm.restoreTitle',
    content: 'credentials.confirm.restoreContent',
    ok: 'credentials.actions.restore',
    done: 'credentials.confirm.restoreDone',
    danger: false,
  },
};

/** Every action that changes a token asks first and calls the API only after "OK". */
export function useTokenActions(
  onChanged: () => void,
  onRotate: (token: ApiToken, mode: 'rotate' | 'regenerate') => void,
) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();

  const run = async (action: Exclude<ConfirmedTokenAction, 'rotate' | 'regenerate' | 'duplicate'>, token: ApiToken) => {
    switch (action) {
      case 'revoke':
        return void (await tesseraApi.revokeToken(token.id));
      case 'delete':
        return void (await tesseraApi.deleteToken(token.id));
      case 'restore':
        return void (await tesseraApi.restoreToken(token.id));
    }
  };

  return (action: ConfirmedTokenAction, token: ApiToken) => {
    if (action === 'rotate' || action === 'regenerate') return onRotate(token, action);
    if (action === 'duplicate') return; // handled by the list: it opens the create form
    const copy = ACTION_COPY[action];
    modal.confirm({
      title: t(copy.title, { name: token.name }),
      content: t(copy.content),
      okText: t(copy.ok),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: copy.danger },
      // A destructive confirmation opens with focus on Cancel, so Enter or a stray key cannot destroy.
      autoFocusButton: copy.danger ? 'cancel' : 'ok',
      onOk: async () => {
        try {
          await run(action, token);
          void message.success(t(copy.done, { name: token.name }));
          onChanged();
        } catch (error) {
          void message.error(describeError(error, t));
        }
      },
    });
  };
}
