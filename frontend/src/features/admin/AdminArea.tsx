import { Button, Card, Flex, Grid, Result, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { AdminApplicationsTab } from './AdminApplicationsTab';
import { AdminInvitesTab } from './AdminInvitesTab';
import { AdminPolicyTab } from './AdminPolicyTab';
import { AdminTokensTab } from './AdminTokensTab';
import { AdminUsageTab } from './AdminUsageTab';
import { AdminUsersTab } from './AdminUsersTab';
import { ServiceKeyLeakBanner } from './ServiceKeyLeakBanner';

const ADMIN_TABS = ['users', 'tokens', 'applications', 'policy', 'invites', 'usage'] as const;
type AdminTab = (typeof ADMIN_TABS)[number];
const isAdminTab = (value: string | undefined): value is AdminTab => (ADMIN_TABS as readonly (string | undefined)[]).includes(value);

/** `/admin/<tab>`: the operators' area. A member gets a 403 page (the server refuses them anyway). */
export function AdminArea() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const tab = (useParams()['*'] ?? '').split('/')[0];
  // Six tabs overflow a phone, and antd's overflow menu is a button inside the tablist (axe:
  // aria-required-children, critical): below md the sections are a wrapping row of links instead.
  const phone = !Grid.useBreakpoint().md;

  if (user?.role !== 'admin') {
    return (
      <Result
        status="403"
        title={t('administration.forbidden.title')}
        subTitle={t('administration.forbidden.subtitle')}
        extra={<Button type="primary" onClick={() => navigate('/')}>{t('administration.forbidden.back')}</Button>}
      />
    );
  }
  if (!isAdminTab(tab)) return <Navigate to="/admin/users" replace />;

  const panes: Record<AdminTab, React.ReactNode> = {
    users: <AdminUsersTab />,
    tokens: <AdminTokensTab />,
    applications: <AdminApplicationsTab />,
    policy: <AdminPolicyTab />,
    invites: <AdminInvitesTab />,
    usage: <AdminUsageTab />,
  };
  // The page's one h1 (axe: page-has-heading-one), at the card title's size.
  const title = (
    <Typography.Title level={1} style={{ fontSize: 16, margin: 0 }}>
      {t('administration.title')}
    </Typography.Title>
  );
  const leakBanner = <ServiceKeyLeakBanner onOpenApplication={(id) => navigate(`/admin/applications?keys=${encodeURIComponent(id)}`)} />;
  if (phone) {
    return (
      <Card title={title}>
        {leakBanner}
        <nav aria-label={t('administration.sections')}>
          <Flex wrap gap={8}>
            {ADMIN_TABS.map((key) => (
              <Button
                key={key}
                type={key === tab ? 'primary' : 'default'}
                aria-current={key === tab ? 'page' : undefined}
                onClick={() => navigate(`/admin/${key}`)}
                // "用户", not antd's spaced "用 户": the name a screen reader reads and a test finds
                autoInsertSpace={false}
                style={{ minHeight: 44 }}
              >
                {t(`administration.tabs.${key}`)}
              </Button>
            ))}
          </Flex>
        </nav>
        <div style={{ marginTop: 16 }}>{panes[tab]}</div>
      </Card>
    );
  }
  return (
    <Card title={title}>
      {leakBanner}
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(`/admin/${key}`)}
        destroyOnHidden
        items={ADMIN_TABS.map((key) => ({ key, label: t(`administration.tabs.${key}`), children: panes[key] }))}
      />
    </Card>
  );
}
