import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { BrandMark } from '../../app/BrandMark';

/** The centred card that sign-in and registration share. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Flex vertical align="center" justify="center" gap={16} style={{ minHeight: '100vh', padding: 16, boxSizing: 'border-box' }}>
      <Flex component="header" justify="space-between" align="center" style={{ width: '100%', maxWidth: 400 }}>
        <BrandMark />
        <LanguageSwitch />
      </Flex>
      <main style={{ width: '100%', maxWidth: 400 }}>
        <Card>
          {/* The page's one h1, sized like the h3 it replaced. */}
          <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>
            {title}
          </Typography.Title>
          {children}
        </Card>
      </main>
    </Flex>
  );
}
