import { Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../../components/language-switch';
import { useI18n } from '../../../locales/i18n-context';

/** The branded two-column frame around the login and forced password-change forms. */
export function AuthShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f0f3f8' }}>
      <Flex style={{ minHeight: '100vh' }} wrap>
        <Flex
          vertical
          justify="space-between"
          style={{
            flex: '1 1 420px',
            padding: '40px 56px',
            color: '#fff',
            background: 'linear-gradient(135deg, #0b2a5b 0%, #15489a 60%, #1f63c6 100%)',
          }}
        >
          <Flex align="center" gap={12}>
            <div
              style={{
                width: 44,
                height: 44,
                borderRadius: 10,
                background: 'rgba(255,255,255,0.15)',
                border: '1px solid rgba(255,255,255,0.35)',
                display: 'grid',
                placeItems: 'center',
                fontSize: 22,
                fontWeight: 700,
              }}
            >
              链
            </div>
            <Typography.Text style={{ color: '#fff', fontSize: 22, fontWeight: 600, letterSpacing: 2 }}>
              {t('app.name')}
            </Typography.Text>
          </Flex>
          <div style={{ maxWidth: 520, margin: '48px 0' }}>
            <Typography.Title level={1} style={{ color: '#fff', marginBottom: 12, fontSize: 34 }}>
              {t('app.zoneName')}
            </Typography.Title>
            <Typography.Title
              level={3}
              style={{ color: 'rgba(255,255,255,0.9)', marginTop: 0, fontWeight: 400 }}
            >
              {t('app.platformName')}
            </Typography.Title>
            <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.75)', fontSize: 15, marginTop: 24 }}>
              {t('app.tagline')}
            </Typography.Paragraph>
          </div>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.55)', fontSize: 12 }}>
            {t('app.fullTitle')}
          </Typography.Text>
        </Flex>
        <Flex vertical style={{ flex: '1 1 480px', padding: '24px 32px' }}>
          <Flex justify="flex-end">
            <LanguageSwitch />
          </Flex>
          <Flex flex={1} align="center" justify="center">
            <div style={{ width: '100%', maxWidth: 400 }}>{children}</div>
          </Flex>
        </Flex>
      </Flex>
    </Layout>
  );
}
