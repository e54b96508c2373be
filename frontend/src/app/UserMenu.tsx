import { KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Grid, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../features/auth/auth-context';

export function UserMenu() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();

  const items: MenuProps['items'] = [
    { key: 'profile', icon: <UserOutlined />, label: t('common.nav.profile') },
    { key: 'credentials', icon: <KeyOutlined />, label: t('common.nav.credentials') },
    // Only admins see the way in; a member opening /admin gets a 403 page.
    ...(user?.role === 'admin' ? [{ key: 'admin', icon: <SafetyOutlined />, label: t('common.nav.admin') }] : []),
    { type: 'divider' },
    { key: 'signOut', icon: <LogoutOutlined />, label: t('common.nav.signOut'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'signOut') {
      // Leave first: otherwise the guard would remember this page as the place to come back to.
      navigate('/sign-in', { replace: true });
      signOut();
      return;
    }
    navigate(key === 'admin' ? '/admin/users' : `/settings/${key}`);
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        aria-label={screens.sm && user ? `${user.username}, ${t('common.nav.userMenu')}` : t('common.nav.userMenu')}
        style={{ paddingInline: 8, minHeight: 44 }}
      >
        <Avatar size="small" icon={<UserOutlined aria-hidden />} aria-hidden />
        {screens.sm && user?.username}
      </Button>
    </Dropdown>
  );
}
