import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { usePolicy } from '../credentials/use-policy';
import { describeError } from '../../api/api-error';
import { fieldErrorsFrom, topLevelField } from '../../api/field-errors';
import { tesseraApi } from '../../api/tessera-api';
import { accountRules } from './account-rules';
import { AuthCard } from './AuthCard';
import { useAuth } from './auth-context';

interface RegisterValues {
  username: string;
  email: string;
  password: string;
  confirmPassword: string;
  inviteCode?: string;
}

const REGISTER_FIELDS = ['username', 'email', 'password', 'inviteCode'];

export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const { status, signIn } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<RegisterValues>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const rules = accountRules(t);
  // An invitation link is /register?invite=<code>: the code is filled in for the invitee.
  const invite = useSearchParams()[0].get('invite') ?? '';
  const policy = usePolicy();
  const askInvite = invite !== '' || policy.signupMode === 'invite';

  if (status === 'signedIn') return <Navigate to="/" replace />;

  const submit = async ({ username, email, password, inviteCode }: RegisterValues) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await tesseraApi.register({ username: username.trim(), email: email.trim(), password, inviteCode: inviteCode?.trim() || undefined });
      await signIn(email.trim(), password);
      navigate('/', { replace: true });
    } catch (error) {
      const { fields, unplaced } = fieldErrorsFrom(error, t, (key) => i18n.exists(key), (field) => {
        const name = topLevelField(field);
        return REGISTER_FIELDS.includes(name) ? name : null;
      });
      form.setFields(fields.map(({ name, errors }) => ({ name: name as keyof RegisterValues, errors })));
      if (unplaced) setFailure(error);
      setSubmitting(false);
    }
  };

  return (
    <AuthCard title={t('auth.register.title')}>
      {failure !== null && (
        <Alert type="error" showIcon role="alert" title={describeError(failure, t)} style={{ marginBottom: 16 }} />
      )}
      <Form<RegisterValues> form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={submitting} initialValues={{ inviteCode: invite }}>
        {askInvite && (
          <Form.Item name="inviteCode" label={t('auth.fields.inviteCode')} extra={t('auth.register.inviteHint')}>
            <Input autoComplete="off" className="tessera-mono" />
          </Form.Item>
        )}
        <Form.Item
          name="username"
          label={t('auth.fields.username')}
          extra={t('auth.validation.usernameHint')}
          rules={rules.username}
        >
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('auth.fields.email')}
          rules={rules.email}
        >
          <Input autoComplete="email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.fields.password')}
          rules={[{ required: true, message: t('auth.validation.passwordRequired') }, rules.passwordLength]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.fields.confirmPassword')}
          dependencies={['password']}
          validateFirst
          rules={[{ required: true, message: t('auth.validation.confirmRequired') }, rules.sameAs('password')]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t('auth.register.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('auth.register.haveAccount')} <Link to="/sign-in">{t('auth.register.toSignIn')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
