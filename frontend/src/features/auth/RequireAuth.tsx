import { Button, Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from './auth-context';
import { signInPathReturningTo } from './redirect';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, retry } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();

  if (status === 'checking') {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '60vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (status === 'unreachable') {
    return (
      <Result
        status="warning"
        title={t('errors.NETWORK')}
        extra={<Button onClick={retry}>{t('common.retry')}</Button>}
      />
    );
  }
  if (status === 'signedOut') {
    return <Navigate to={signInPathReturningTo(location.pathname + location.search)} replace />;
  }
  return <>{children}</>;
}
