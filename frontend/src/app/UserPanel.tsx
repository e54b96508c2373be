import { Drawer, Grid, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { ActivityTab } from '../features/activity/ActivityTab';
import { CredentialsTab } from '../features/credentials/CredentialsTab';
import { ProfileTab } from '../features/profile/ProfileTab';

const PANEL_TABS = ['profile', 'credentials', 'activity'] as const;
type PanelTab = (typeof PANEL_TABS)[number];

function isPanelTab(value: string | undefined): value is PanelTab {
  return (PANEL_TABS as readonly (string | undefined)[]).includes(value);
}

/** The user panel: a drawer whose open tab (and open token) live in the URL, so they survive a reload. */
export function UserPanel() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [tab, tokenId] = (useParams()['*'] ?? '').split('/');

  if (!isPanelTab(tab)) return <Navigate to="/settings/profile" replace />;

  return (
    <Drawer
      open
      title={t('common.panel.title')}
      onClose={() => navigate('/')}
      size={screens.lg ? 1180 : '100%'}
      styles={{ body: { paddingTop: 0 } }}
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(`/settings/${key}`)}
        items={[
          { key: 'profile', label: t('common.nav.profile'), children: <ProfileTab /> },
          {
            key: 'credentials',
            label: t('common.nav.credentials'),
            children: (
              <CredentialsTab
                openTokenId={tokenId || null}
                onOpenToken={(id) => navigate(`/settings/credentials/${id}`)}
                onCloseToken={() => navigate('/settings/credentials')}
              />
            ),
          },
          { key: 'activity', label: t('common.nav.activity'), children: <ActivityTab /> },
        ]}
      />
    </Drawer>
  );
}
