import { ERROR_CODES, TOKEN_RULES } from '@tessera/backend/contract';
import { Alert, App, Form, Input, Modal, Select, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, describeError } from '../../api/api-error';
import { fieldErrorsFrom, topLevelField } from '../../api/field-errors';
import { tesseraApi } from '../../api/tessera-api';
import type { ApiToken, ApiTokenWithSecret } from '../../api/types';
import { AllowedIpsField } from './AllowedIpsField';
import { ExpiryFields } from './ExpiryFields';
import { usePolicy } from './use-policy';
import { changedLimitsBelowUsage } from './token-limits';
import { LimitFields } from './LimitFields';
import { ScopePicker } from './ScopePicker';
import { ApplicationScopePicker } from './ApplicationScopePicker';
import { QuotaRefillFields } from './QuotaRefillFields';
import { useApplications } from './use-applications';
import {
  createFormDefaults,
  editFormDefaults,
  formFieldForServerField,
  hasAnyScope,
  isOwnApplication,
  toCreateBody,
  toUpdateBody,
  type ScopeSelection,
  type TokenFormValues,
} from './token-form-model';

export type TokenFormTarget = { kind: 'create'; prefill?: Partial<TokenFormValues> } | { kind: 'edit'; token: ApiToken };

interface TokenFormModalProps {
  target: TokenFormTarget;
  onCancel: () => void;
  onCreated: (token: ApiTokenWithSecret) => void;
  onUpdated: (token: ApiToken) => void;
}

/** Create (POST) and edit (PATCH) share one form; server field errors land on their fields. */
export function TokenFormModal({ target, onCancel, onCreated, onUpdated }: TokenFormModalProps) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<TokenFormValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const editing = target.kind === 'edit' ? target.token : null;
  const policy = usePolicy();
  const { applications } = useApplications();
  const applicationId = Form.useWatch('applicationId', form) ?? editing?.application?.id;
  const ownApplication = isOwnApplication(applicationId);
  const application = applications.find((entry) => entry.id === applicationId);
  // The dialog opens with focus on Name (the application above it defaults to Tessera's own API) (antd would focus the dialog box itself).
  const nameInput = useRef<InputRef>(null);
  const focusName = () => {
    // Never pull focus away from a field the person already went to.
    if (document.activeElement?.matches('input, textarea, [role="radio"], [role="combobox"]')) return;
    nameInput.current?.focus({ cursor: 'end' });
  };
  useEffect(() => {
    const timer = window.setTimeout(focusName, 0);
    return () => window.clearTimeout(timer);
  }, []);

  const submit = async (values: TokenFormValues) => {
    if (editing && changedLimitsBelowUsage(editing, values).length > 0) {
      const confirmed = await modal.confirm({
        title: t('panel.limitBelowUsage.confirmTitle'),
        content: t('panel.limitBelowUsage.confirmContent'),
        okText: t('panel.limitBelowUsage.confirmOk'),
        cancelText: t('common.cancel'),
        okButtonProps: { danger: true },
        autoFocusButton: 'cancel',
      });
      if (!confirmed) return;
    }
    setSaving(true);
    setFailure(null);
    try {
      if (editing) {
        const updated = await tesseraApi.updateToken(editing.id, toUpdateBody(values, undefined, editing.expiresAt));
        void message.success(t('credentials.form.updated'));
        onUpdated(updated);
      } else {
        onCreated(await tesseraApi.createToken(toCreateBody(values)));
      }
    } catch (error) {
      showFailure(error, values);
      setSaving(false);
    }
  };

  const showFailure = (error: unknown, values: TokenFormValues) => {
    const placeable = error instanceof ApiError && (error.code === ERROR_CODES.VALIDATION_FAILED || error.code === ERROR_CODES.CONFLICT);
    const { fields, unplaced } = placeable
      ? fieldErrorsFrom(error, t, (key) => i18n.exists(key), (field) => formFieldForServerField(field.startsWith('quotaRefill') ? field : topLevelField(field), values.expiryPreset, isOwnApplication(values.applicationId)))
      : { fields: [], unplaced: true };
    form.setFields(fields.map(({ name, errors }) => ({ name: name as keyof TokenFormValues, errors })));
    if (unplaced || fields.length === 0) setFailure(error);
  };

  return (
    <Modal
      open
      title={editing ? t('credentials.form.editTitle', { name: editing.name }) : t('credentials.form.createTitle')}
      okText={editing ? t('common.save') : t('credentials.form.createSubmit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={saving}
      width={720}
      mask={{ closable: false }}
      destroyOnHidden
      afterOpenChange={(open) => open && focusName()}
    >
      {failure !== null && (
        <Alert type="error" showIcon role="alert" title={describeError(failure, t)} style={{ marginBottom: 16 }} />
      )}
      <Form<TokenFormValues>
        form={form}
        layout="vertical"
        initialValues={editing ? editFormDefaults(editing) : { ...createFormDefaults(), ...(target.kind === 'create' ? target.prefill : {}) }}
        onFinish={submit}
        disabled={saving}
        requiredMark="optional"
        scrollToFirstError
      >
        {editing ? (
          <>
            <Form.Item label={t('credentials.application.label')} tooltip={t('credentials.application.fixed')}>
              <Typography.Text strong>{editing.application?.name ?? t('credentials.application.tessera')}</Typography.Text>
            </Form.Item>
            <Form.Item name="applicationId" hidden>
              <Input />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="applicationId" label={t('credentials.application.label')} tooltip={t('credentials.application.help')}>
            <Select
              aria-label={t('credentials.application.label')}
              showSearch={{ optionFilterProp: 'label' }}
              options={applications.map((entry) => ({ value: entry.id, label: entry.name }))}
              onChange={() => form.setFieldsValue({ appScopes: [] })}
              notFoundContent={null}
            />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('credentials.form.name')}
          rules={[
            { required: true, whitespace: true, message: t('credentials.form.validation.nameRequired') },
            {
              max: TOKEN_RULES.nameMaxLength,
              message: t('credentials.form.validation.tooLong', { max: TOKEN_RULES.nameMaxLength }),
            },
          ]}
        >
          <Input ref={nameInput} placeholder={t('credentials.form.namePlaceholder')} maxLength={TOKEN_RULES.nameMaxLength} showCount />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('credentials.form.description')}
          rules={[
            {
              max: TOKEN_RULES.descriptionMaxLength,
              message: t('credentials.form.validation.tooLong', { max: TOKEN_RULES.descriptionMaxLength }),
            },
          ]}
        >
          <Input.TextArea rows={2} maxLength={TOKEN_RULES.descriptionMaxLength} showCount />
        </Form.Item>
        <Form.Item
          name="appScopes"
          label={t('credentials.form.scopes')}
          required
          hidden={ownApplication}
          rules={[
            {
              validator: (_, value: string[] | undefined) =>
                ownApplication || (value?.length ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(t('credentials.form.validation.scopeRequired'))),
            },
          ]}
        >
          <ApplicationScopePicker application={application} />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('credentials.form.scopes')}
          required
          hidden={!ownApplication}
          rules={[
            {
              validator: (_, value: ScopeSelection | undefined) =>
                !ownApplication || hasAnyScope(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('credentials.form.validation.scopeRequired'))),
            },
          ]}
        >
          <ScopePicker />
        </Form.Item>
        <ExpiryFields currentExpiresAt={editing?.expiresAt ?? null} policy={policy} />
        <LimitFields usage={editing ?? undefined} />
        <QuotaRefillFields />
        <AllowedIpsField />
      </Form>
    </Modal>
  );
}
