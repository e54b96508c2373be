import { ERROR_CODES } from '@tessera/backend/contract';
import { App, Button, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, describeError } from '../../api/api-error';
import { fieldErrorsFrom, topLevelField } from '../../api/field-errors';
import { tesseraApi } from '../../api/tessera-api';
import type { UpdateProfileBody, User } from '../../api/types';
import { accountRules } from '../auth/account-rules';
import { useAuth } from '../auth/auth-context';

interface ProfileValues {
  username: string;
  email: string;
  newPassword?: string;
  confirmNewPassword?: string;
  currentPassword?: string;
}

const PROFILE_FIELDS = ['username', 'email', 'newPassword', 'currentPassword'];

/** Only what changed is sent; a password change carries the current password as proof. */
export function profileChanges(user: User, values: ProfileValues): UpdateProfileBody {
  const body: UpdateProfileBody = {};
  if (values.username.trim() !== user.username) body.username = values.username.trim();
  if (values.email.trim() !== user.email) body.email = values.email.trim();
  if (values.newPassword) body.newPassword = values.newPassword;
  if (values.currentPassword) body.currentPassword = values.currentPassword;
  return body;
}

export function ProfileForm() {
  const { t, i18n } = useTranslation();
  const { user, replaceUser, signIn } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileValues>();
  const [saving, setSaving] = useState(false);
  const newPassword = Form.useWatch('newPassword', form);
  const email = Form.useWatch('email', form);
  const rules = accountRules(t);

  if (!user) return null;

  const submit = async (values: ProfileValues) => {
    const body = profileChanges(user, values);
    if (!body.username && !body.email && !body.newPassword) {
      void message.info(t('profile.nothingChanged'));
      return;
    }
    setSaving(true);
    try {
      const updated = await tesseraApi.updateMe(body);
      replaceUser(updated);
      // A new password signs out every session, this one too: sign in again with it, quietly.
      if (body.newPassword) await signIn(updated.email, body.newPassword);
      form.setFieldsValue({ username: updated.username, email: updated.email });
      form.resetFields(['newPassword', 'confirmNewPassword', 'currentPassword']);
      void message.success(t('profile.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.code === ERROR_CODES.CURRENT_PASSWORD_INVALID) {
        form.setFields([{ name: 'currentPassword', errors: [describeError(error, t)] }]);
      } else {
        const { fields, unplaced } = fieldErrorsFrom(error, t, (key) => i18n.exists(key), (field) => {
          const name = topLevelField(field);
          return PROFILE_FIELDS.includes(name) ? name : null;
        });
        form.setFields(fields.map(({ name, errors }) => ({ name: name as keyof ProfileValues, errors })));
        if (unplaced) void message.error(describeError(error, t));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<ProfileValues>
      form={form}
      layout="vertical"
      style={{ maxWidth: 480 }}
      initialValues={{ username: user.username, email: user.email }}
      onFinish={submit}
      requiredMark={false}
    >
      <Form.Item
        name="username"
        label={t('auth.fields.username')}
        rules={rules.username}
      >
        <Input autoComplete="username" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('auth.fields.email')}
        rules={rules.email}
      >
        <Input autoComplete="email" />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        {t('profile.passwordSection')}
      </Divider>
      <Typography.Paragraph type="secondary">{t('profile.passwordHint')}</Typography.Paragraph>
      <Form.Item
        name="newPassword"
        label={t('profile.fields.newPassword')}
        rules={[rules.passwordLength]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmNewPassword"
        label={t('profile.fields.confirmNewPassword')}
        dependencies={['newPassword']}
        rules={[rules.sameAs('newPassword')]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="currentPassword"
        label={t('profile.fields.currentPassword')}
        dependencies={['newPassword', 'email']}
        rules={[
          { required: Boolean(newPassword), message: t('profile.validation.currentPasswordRequired') },
          // The server asks for it too: a new sign-in address moves the account.
          { required: typeof email === 'string' && email.trim() !== user.email, message: t('profile.validation.currentPasswordRequiredForEmail') },
        ]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('profile.save')}
      </Button>
    </Form>
  );
}
