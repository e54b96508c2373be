import { Flex, Layout } from 'antd';
import { Outlet, useLocation } from 'react-router-dom';
import { BrandMark } from './BrandMark';
import { HomePage } from './HomePage';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';

export function AppLayout() {
  // The Administration area takes the page; everything else opens over the home page.
  const onAdmin = useLocation().pathname.startsWith('/admin');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', paddingInline: 16, display: 'flex', alignItems: 'center' }}
      >
        <Flex justify="space-between" align="center" style={{ width: '100%' }} gap={8}>
          <BrandMark />
          <Flex align="center" gap={4}>
            <LanguageSwitch />
            <UserMenu />
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        {!onAdmin && <HomePage />}
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
