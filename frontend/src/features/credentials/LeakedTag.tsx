import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../api/types';

/** Next to the state tag of a token the server revoked because it leaked. */
export function LeakedTag({ token }: { token: Pick<ApiToken, 'revokedBy'> }) {
  const { t } = useTranslation();
  if (token.revokedBy !== 'leaked') return null;
  return (
    <Tooltip title={t('credentials.leak.tagHint')}>
      <Tag color="error" data-reason="leaked">
        {t('credentials.leak.tag')}
      </Tag>
    </Tooltip>
  );
}
