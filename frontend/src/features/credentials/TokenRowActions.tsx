import { CopyOutlined, DeleteOutlined, EditOutlined, EyeOutlined, FieldTimeOutlined, RedoOutlined, StopOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../api/types';
import type { ConfirmedTokenAction } from './use-token-actions';

interface TokenRowActionsProps {
  token: ApiToken;
  /** Touch targets of 44 × 44 px (cards on a phone). */
  large?: boolean;
  /** Buttons that show their label (the detail drawer), and no "Details" button. */
  labelled?: boolean;
  onOpen: () => void;
  onEdit: () => void;
  onConfirmedAction: (action: ConfirmedTokenAction) => void;
}

function ActionButton({
  label,
  icon,
  onClick,
  danger,
  large,
  labelled,
  opener,
}: {
  /** The token id, on the control that opens its drawer: focus comes back to it when the drawer closes. */
  opener?: string;
  label: string;
  icon: ReactNode;
  onClick: () => void;
  danger?: boolean;
  large?: boolean;
  labelled?: boolean;
}) {
  if (labelled) {
    return (
      <Button icon={icon} onClick={onClick} danger={danger} style={{ minHeight: 44 }}>
        {label}
      </Button>
    );
  }
  return (
    <Tooltip title={label}>
      <Button
        type="text"
        size={large ? 'large' : 'middle'}
        aria-label={label}
        data-token-opener={opener}
        icon={icon}
        onClick={onClick}
        danger={danger}
        style={large ? { width: 44, height: 44 } : undefined}
      />
    </Tooltip>
  );
}

/**
 * Which actions make sense follows the token's state: a deleted token can only come back; an
 * expired one can be regenerated with a new expiry (rotating with grace would revive its old secret).
 */
export function TokenRowActions({ token, large, labelled, onOpen, onEdit, onConfirmedAction }: TokenRowActionsProps) {
  const { t } = useTranslation();
  const { state } = token;
  return (
    <Space size={labelled ? 8 : 0} wrap={large || labelled}>
      {!labelled && <ActionButton large={large} opener={token.id} label={t('credentials.actions.details')} icon={<EyeOutlined />} onClick={onOpen} />}
      {(state === 'active' || state === 'expired') && (
        <ActionButton large={large} labelled={labelled} label={t('credentials.actions.edit')} icon={<EditOutlined />} onClick={onEdit} />
      )}
      {state === 'active' && (
        <ActionButton large={large} labelled={labelled} label={t('security.rotate.action')} icon={<FieldTimeOutlined />} onClick={() => onConfirmedAction('rotate')} />
      )}
      {(state === 'active' || state === 'expired') && (
        <ActionButton large={large} labelled={labelled} label={t('credentials.actions.regenerate')} icon={<SyncOutlined />} onClick={() => onConfirmedAction('regenerate')} />
      )}
      {state !== 'deleted' && (
        <ActionButton large={large} labelled={labelled} label={t('panel.duplicate.action')} icon={<CopyOutlined />} onClick={() => onConfirmedAction('duplicate')} />
      )}
      {(state === 'active' || state === 'expired') && (
        <ActionButton large={large} labelled={labelled} label={t('credentials.actions.revoke')} icon={<StopOutlined />} onClick={() => onConfirmedAction('revoke')} danger />
      )}
      {state !== 'deleted' && (
        <ActionButton large={large} labelled={labelled} label={t('credentials.actions.delete')} icon={<DeleteOutlined />} onClick={() => onConfirmedAction('delete')} danger />
      )}
      {state === 'deleted' && (
        <ActionButton large={large} labelled={labelled} label={t('credentials.actions.restore')} icon={<RedoOutlined />} onClick={() => onConfirmedAction('restore')} />
      )}
    </Space>
  );
}
