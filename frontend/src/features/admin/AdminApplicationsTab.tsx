import { DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { APPLICATION_RULES, catalogueProblems, ERROR_CODES } from '@tessera/backend/contract';
import { Alert, App, Button, Drawer, Flex, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError, describeError } from '../../api/api-error';
import { tesseraApi } from '../../api/tessera-api';
import type { AdminApplication, ApplicationBody, CatalogueScope, ServiceKey, ServiceKeyWithSecret } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { RelativeTime } from '../../components/RelativeTime';
import { LeakSource } from '../credentials/LeakSource';

interface ApplicationFormValues {
  name: string;
  slug?: string;
  description?: string;
  scopes: CatalogueScope[];
}

/** Applications and their scope catalogues (with implies), and each one's service keys. */
export function AdminApplicationsTab() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const load = useCallback(() => tesseraApi.applications.list(), []);
  const applications = useApiData<AdminApplication[]>(load, 'applications');
  const [editing, setEditing] = useState<AdminApplication | 'new' | null>(null);
  const [keysOf, setKeysOf] = useState<AdminApplication | null>(null);
  // `?keys=<id>` opens that application's keys (the leaked service key banner links here).
  const [params, setParams] = useSearchParams();
  const linked = params.get('keys');
  const keysShown = keysOf ?? (linked ? (applications.data?.find((app) => app.id === linked) ?? null) : null);
  const closeKeys = () => {
    setKeysOf(null);
    if (!linked) return;
    const next = new URLSearchParams(params);
    next.delete('keys');
    setParams(next, { replace: true });
  };

  // Asked without force first: when live tokens belong to the application, the server's 409 says
  // how many, and the second question names that count before they are revoked.
  const deleteApplication = async (app: AdminApplication, force: boolean): Promise<void> => {
    try {
      await tesseraApi.applications.remove(app.id, force);
      applications.reload();
    } catch (error) {
      if (!force && error instanceof ApiError && error.code === ERROR_CODES.SCOPE_IN_USE) {
        const holders = holdersOf(error);
        modal.confirm({
          title: t('administration.applications.tokensBelong', { name: app.name }),
          content: holders === null ? describeError(error, t) : t('administration.applications.tokensBelongCount', { count: holders, name: app.name }),
          okButtonProps: { danger: true },
          okText: t('administration.applications.deleteAndRevoke'),
          onOk: () => deleteApplication(app, true),
        });
      } else {
        void message.error(describeError(error, t));
      }
    }
  };
  const remove = (app: AdminApplication) =>
    modal.confirm({
      title: t('administration.applications.confirmDelete', { name: app.name }),
      content: t('administration.applications.deleteExplained'),
      okButtonProps: { danger: true },
      okText: t('administration.applications.deleteOk'),
      onOk: () => deleteApplication(app, false),
    });

  const columns: TableColumnsType<AdminApplication> = [
    { key: 'name', title: t('administration.applications.name'), render: (_, app) => <Typography.Text strong>{app.name}</Typography.Text> },
    { key: 'slug', title: t('administration.applications.slug'), render: (_, app) => <Typography.Text className="tessera-mono">{app.slug}</Typography.Text> },
    {
      key: 'scopes',
      title: t('administration.applications.scopes'),
      render: (_, app) => (
        <Flex gap={4} wrap>
          {app.scopes.map((scope) => (
            <Tag key={scope.scope} className="tessera-mono" style={{ marginInlineEnd: 0 }}>
              {scope.scope}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('administration.applications.actions'),
      render: (_, app) => (
        <Space wrap>
          {app.builtIn ? (
            <Tag>{t('administration.applications.builtIn')}</Tag>
          ) : (
            <Button size="small" onClick={() => setEditing(app)}>
              {t('administration.applications.edit')}
            </Button>
          )}
          <Button size="small" onClick={() => setKeysOf(app)}>
            {t('administration.applications.serviceKeys')}
          </Button>
          {!app.builtIn && <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('administration.applications.delete', { name: app.name })} onClick={() => remove(app)} />}
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('administration.applications.intro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('administration.applications.create')}
        </Button>
      </Flex>
      {applications.error !== null && applications.error !== undefined && <Alert type="error" showIcon title={describeError(applications.error, t)} />}
      <Table<AdminApplication> rowKey="id" columns={columns} dataSource={applications.data ?? []} loading={applications.loading} pagination={false} />
      {editing && (
        <ApplicationFormModal
          application={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            applications.reload();
          }}
        />
      )}
      {keysShown && <ServiceKeysDrawer application={keysShown} onClose={closeKeys} />}
    </Flex>
  );
}

/** How many live tokens a SCOPE_IN_USE answer counts (servers before the count was sent give none). */
function holdersOf(error: ApiError): number | null {
  return error.details.find((detail) => typeof detail.count === 'number')?.count ?? null;
}

/** The catalogue editor: one row per scope, with what it implies chosen among the others. */
function ApplicationFormModal({ application, onClose, onSaved }: { application: AdminApplication | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<ApplicationFormValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const scopes = Form.useWatch('scopes', form) ?? [];

  const save = async (values: ApplicationFormValues, force = false): Promise<void> => {
    const catalogue = (values.scopes ?? []).map((entry) => ({
      scope: entry.scope?.trim() ?? '',
      description: entry.description?.trim() ?? '',
      descriptionZh: entry.descriptionZh?.trim() || null,
      implies: entry.implies ?? [],
    }));
    const found = catalogueProblems(catalogue);
    setProblems(found.map((problem) => problem.message));
    if (found.length > 0) return;
    const body: ApplicationBody = { name: values.name.trim(), description: values.description?.trim() || null, scopes: catalogue };
    setSaving(true);
    setFailure(null);
    try {
      if (application) await tesseraApi.applications.update(application.id, body, force);
      else await tesseraApi.applications.create({ ...body, slug: values.slug?.trim() });
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.code === ERROR_CODES.SCOPE_IN_USE && !force) {
        const holders = holdersOf(error);
        modal.confirm({
          title: t('administration.applications.scopeInUse'),
          content: holders === null ? describeError(error, t) : t('administration.applications.scopeInUseCount', { count: holders }),
          okButtonProps: { danger: true },
          okText: t('administration.applications.removeAnyway'),
          onOk: () => save(values, true),
        });
      } else {
        setFailure(error);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={application ? t('administration.applications.editTitle', { name: application.name }) : t('administration.applications.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      width={860}
      destroyOnHidden
    >
      {failure !== null && <Alert type="error" showIcon role="alert" title={describeError(failure, t)} style={{ marginBottom: 12 }} />}
      {problems.length > 0 && <Alert type="error" showIcon role="alert" title={problems.join(' · ')} style={{ marginBottom: 12 }} />}
      <Form<ApplicationFormValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={
          application
            ? { name: application.name, slug: application.slug, description: application.description ?? '', scopes: application.scopes.map((scope) => ({ ...scope, implies: scope.implies ?? [] })) }
            : { name: '', slug: '', description: '', scopes: [{ scope: '', description: '', implies: [] }] }
        }
      >
        <Flex gap={12} wrap>
          <Form.Item name="name" label={t('administration.applications.name')} rules={[{ required: true, whitespace: true, message: t('administration.applications.nameRequired') }]} style={{ flex: '1 1 240px' }}>
            <Input maxLength={APPLICATION_RULES.nameMaxLength} />
          </Form.Item>
          <Form.Item
            name="slug"
            label={t('administration.applications.slug')}
            tooltip={t('administration.applications.slugHelp')}
            rules={application ? [] : [{ pattern: new RegExp(APPLICATION_RULES.slugPattern), message: t('administration.applications.slugInvalid') }, { required: true, message: t('administration.applications.slugInvalid') }]}
            style={{ flex: '1 1 200px' }}
          >
            <Input className="tessera-mono" disabled={Boolean(application)} maxLength={32} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('administration.applications.description')}>
          <Input maxLength={APPLICATION_RULES.descriptionMaxLength} />
        </Form.Item>
        <Typography.Text strong>{t('administration.applications.catalogue')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('administration.applications.catalogueHelp')}
        </Typography.Paragraph>
        <Form.List name="scopes">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start" wrap>
                  <Form.Item name={[field.name, 'scope']} style={{ flex: '1 1 150px', marginBottom: 8 }} rules={[{ required: true, message: t('administration.applications.scopeRequired') }]}>
                    <Input className="tessera-mono" placeholder="deploy:write" aria-label={t('administration.applications.scopeN', { n: index + 1 })} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'description']} style={{ flex: '2 1 180px', marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: t('administration.applications.descriptionRequired') }]}>
                    <Input placeholder={t('administration.applications.descriptionEn')} aria-label={t('administration.applications.descriptionEnN', { n: index + 1 })} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'descriptionZh']} style={{ flex: '2 1 160px', marginBottom: 8 }}>
                    <Input placeholder={t('administration.applications.descriptionZh')} aria-label={t('administration.applications.descriptionZhN', { n: index + 1 })} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'implies']} style={{ flex: '2 1 180px', marginBottom: 8 }}>
                    <Select
                      mode="multiple"
                      aria-label={t('administration.applications.impliesN', { n: index + 1 })}
                      placeholder={t('administration.applications.implies')}
                      options={scopes
                        .filter((other, at) => at !== index && other?.scope)
                        .map((other) => ({ value: other.scope, label: other.scope }))}
                    />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('administration.applications.removeScope', { n: index + 1 })} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ scope: '', description: '', implies: [] })} disabled={fields.length >= APPLICATION_RULES.maxScopes}>
                {t('administration.applications.addScope')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** An application's service keys: create (the key shown once), list, revoke. */
function ServiceKeysDrawer({ application, onClose }: { application: AdminApplication; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const load = useCallback(() => tesseraApi.applications.listKeys(application.id), [application.id]);
  const keys = useApiData<ServiceKey[]>(load, application.id);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<ServiceKeyWithSecret | null>(null);

  const create = async () => {
    try {
      setCreated(await tesseraApi.applications.createKey(application.id, name.trim()));
      setName('');
      keys.reload();
    } catch (error) {
      void message.error(describeError(error, t));
    }
  };

  const revoke = (key: ServiceKey) =>
    modal.confirm({
      title: t('administration.applications.confirmRevokeKey', { name: key.name }),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await tesseraApi.applications.revokeKey(application.id, key.id);
          keys.reload();
        } catch (error) {
          void message.error(describeError(error, t));
        }
      },
    });

  const columns: TableColumnsType<ServiceKey> = [
    { key: 'name', title: t('administration.applications.keyName'), render: (_, key) => key.name },
    { key: 'preview', title: t('administration.applications.keyPreview'), render: (_, key) => <Typography.Text className="tessera-mono">{key.keyPreview}</Typography.Text> },
    { key: 'state', title: t('administration.applications.keyState'), render: (_, key) => <ServiceKeyState serviceKey={key} /> },
    { key: 'lastUsed', title: t('administration.applications.keyLastUsed'), render: (_, key) => (key.lastUsedAt ? <RelativeTime at={key.lastUsedAt} /> : t('administration.applications.never')) },
    {
      key: 'actions',
      title: '',
      render: (_, key) =>
        key.state === 'active' && (
          <Button size="small" danger onClick={() => revoke(key)}>
            {t('administration.applications.revokeKey')}
          </Button>
        ),
    },
  ];

  return (
    <Drawer open width={720} title={t('administration.applications.keysTitle', { name: application.name })} onClose={onClose} destroyOnHidden>
      <Flex vertical gap={12}>
        {created && (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('administration.applications.keyCreated')}
            description={
              <Typography.Paragraph copyable={{ text: created.key }} className="tessera-mono" style={{ marginBottom: 0 }}>
                {created.key}
              </Typography.Paragraph>
            }
            closable={{ onClose: () => setCreated(null) }}
          />
        )}
        <Space.Compact style={{ width: '100%' }}>
          <Input value={name} onChange={(event) => setName(event.target.value)} placeholder={t('administration.applications.keyNamePlaceholder')} aria-label={t('administration.applications.keyName')} maxLength={APPLICATION_RULES.serviceKeyNameMaxLength} />
          <Button type="primary" onClick={() => void create()} disabled={name.trim() === ''}>
            {t('administration.applications.createKey')}
          </Button>
        </Space.Compact>
        <Table<ServiceKey> rowKey="id" columns={columns} dataSource={keys.data ?? []} loading={keys.loading} pagination={false} size="small" />
      </Flex>
    </Drawer>
  );
}

/** Active or revoked; a key revoked because it leaked says so, with where it was found and when. */
function ServiceKeyState({ serviceKey: key }: { serviceKey: ServiceKey }) {
  const { t } = useTranslation();
  if (key.revokedBy !== 'leaked' || !key.leak) return <Tag color={key.state === 'active' ? 'success' : 'default'}>{t(`administration.applications.keyStates.${key.state}`)}</Tag>;
  return (
    <Flex vertical gap={2} data-reason="leaked">
      <Tooltip title={t('administration.applications.keyLeakedHint')}>
        <Tag color="error" style={{ width: 'fit-content' }}>
          {t('administration.applications.keyLeaked')}
        </Tag>
      </Tooltip>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <LeakSource source={key.leak.source} url={key.leak.url} /> · {t('administration.applications.keyLeakedWhen', { when: dayjs(key.leak.reportedAt).format('LLL') })}
      </Typography.Text>
    </Flex>
  );
}
