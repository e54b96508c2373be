import { TESSERA_APPLICATION_ID } from '@tessera/backend/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../api/types';

/** Which application a token is for; Tessera's own API in a quiet colour. */
export function ApplicationTag({ token }: { token: Pick<ApiToken, 'application'> }) {
  const { t } = useTranslation();
  const application = token.application;
  const own = !application || application.id === TESSERA_APPLICATION_ID;
  return (
    <Tag color={own ? 'default' : 'purple'} title={application?.slug} style={{ marginInlineEnd: 0 }}>
      {own ? t('credentials.application.tessera') : application.name}
    </Tag>
  );
}
