import { KeyOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../features/auth/auth-context';

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const example = `curl -H "Authorization: Bearer tsr_…" ${window.location.origin}/api/users/me`;

  return (
    <Card style={{ maxWidth: 880, margin: '0 auto' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('common.home.greeting', { name: user?.username ?? '' })}
      </Typography.Title>
      <Typography.Paragraph>{t('common.home.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('common.home.exampleLabel')}</Typography.Paragraph>
      <Typography.Paragraph>
        <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 }}>{example}</pre>
      </Typography.Paragraph>
      <Flex gap={8} wrap>
        <Button type="primary" icon={<KeyOutlined />} onClick={() => navigate('/settings/credentials')}>
          {t('common.home.manageTokens')}
        </Button>
        <Button icon={<UserOutlined />} onClick={() => navigate('/settings/profile')}>
          {t('common.home.editProfile')}
        </Button>
        {user?.role === 'admin' && (
          <Button icon={<SafetyOutlined />} onClick={() => navigate('/admin/users')}>
            {t('common.nav.admin')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
