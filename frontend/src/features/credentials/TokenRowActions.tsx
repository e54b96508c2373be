import { DeleteOutlined, EditOutlined, EyeOutlined, FieldTimeOutlined, RedoOutlined, StopOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../api/types';
import type { ConfirmedTokenAction } from './use-token-actions';

interface TokenRowActionsProps {
  token: ApiToken;
  onOpen: () => void;
  onEdit: () => void;
  onConfirmedAction: (action: ConfirmedTokenAction) => void;
}

function ActionButton({ label, icon, onClick, danger }: { label: string; icon: ReactNode; onClick: () => void; danger?: boolean }) {
  return (
    <Tooltip title={label}>
      <Button type="text" size="small" aria-label={label} icon={icon} onClick={onClick} danger={danger} />
    </Tooltip>
  );
}

/** Which actions make sense follows the token's state: a deleted token can only come back. */
export function TokenRowActions({ token, onOpen, onEdit, onConfirmedAction }: TokenRowActionsProps) {
  const { t } = useTranslation();
  const { state } = token;
  return (
    <Space size={0} wrap={false}>
      <ActionButton label={t('credentials.actions.details')} icon={<EyeOutlined />} onClick={onOpen} />
      {(state === 'active' || state === 'expired') && (
        <ActionButton label={t('credentials.actions.edit')} icon={<EditOutlined />} onClick={onEdit} />
      )}
      {state === 'active' && (
        <ActionButton label={t('security.rotate.action')} icon={<FieldTimeOutlined />} onClick={() => onConfirmedAction('rotate')} />
      )}
      {state === 'active' && (
        <ActionButton label={t('credentials.actions.regenerate')} icon={<SyncOutlined />} onClick={() => onConfirmedAction('regenerate')} />
      )}
      {(state === 'active' || state === 'expired') && (
        <ActionButton label={t('credentials.actions.revoke')} icon={<StopOutlined />} onClick={() => onConfirmedAction('revoke')} danger />
      )}
      {state !== 'deleted' && (
        <ActionButton label={t('credentials.actions.delete')} icon={<DeleteOutlined />} onClick={() => onConfirmedAction('delete')} danger />
      )}
      {state === 'deleted' && (
        <ActionButton label={t('credentials.actions.restore')} icon={<RedoOutlined />} onClick={() => onConfirmedAction('restore')} />
      )}
    </Space>
  );
}
