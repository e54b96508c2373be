import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { describeError } from '../../api/api-error';
import { AuthCard } from './AuthCard';
import { useAuth } from './auth-context';
import { REDIRECT_PARAM, safeRedirectTarget } from './redirect';

interface SignInValues {
  email: string;
  password: string;
}

export function SignInPage() {
  const { t } = useTranslation();
  const { status, sessionExpired, signIn } = useAuth();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const target = safeRedirectTarget(searchParams.get(REDIRECT_PARAM));

  if (status === 'signedIn') return <Navigate to={target} replace />;

  const submit = async ({ email, password }: SignInValues) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await signIn(email.trim(), password);
      navigate(target, { replace: true });
    } catch (error) {
      setFailure(error);
      setSubmitting(false);
    }
  };

  return (
    <AuthCard title={t('auth.signIn.title')}>
      {sessionExpired && !failure && (
        <Alert type="info" showIcon title={t('auth.signIn.sessionExpired')} style={{ marginBottom: 16 }} />
      )}
      {failure !== null && (
        <Alert type="error" showIcon role="alert" title={describeError(failure, t)} style={{ marginBottom: 16 }} />
      )}
      <Form<SignInValues> layout="vertical" onFinish={submit} requiredMark={false} disabled={submitting}>
        <Form.Item
          name="email"
          label={t('auth.fields.email')}
          rules={[
            { required: true, message: t('auth.validation.emailRequired') },
            { type: 'email', message: t('auth.validation.emailInvalid') },
          ]}
        >
          <Input autoComplete="email" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.fields.password')}
          rules={[{ required: true, message: t('auth.validation.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t('auth.signIn.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('auth.signIn.noAccount')} <Link to="/register">{t('auth.signIn.toRegister')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
