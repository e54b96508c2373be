import { Drawer, Grid, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router-dom';
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
  // Opening and closing a token keeps the list's search, filter, sort and page (they live in the query string).
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [tab, tokenId] = (useParams()['*'] ?? '').split('/');
  // …but not the create form's prefill (`/new?name=…&scopes=…`), which is no list state.
  const search = tokenId === 'new' ? '' : location.search;

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
                onOpenToken={(id) => navigate({ pathname: `/settings/credentials/${id}`, search })}
                onCloseToken={() => navigate({ pathname: '/settings/credentials', search })}
              />
            ),
          },
          { key: 'activity', label: t('common.nav.activity'), children: <ActivityTab /> },
        ]}
      />
    </Drawer>
  );
}
