import { AppstoreFilled } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function BrandMark() {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={8}>
      <AppstoreFilled style={{ fontSize: 22, color: '#1677ff' }} aria-hidden />
      <Typography.Text strong style={{ fontSize: 18 }}>
        {t('common.appName')}
      </Typography.Text>
    </Flex>
  );
}
