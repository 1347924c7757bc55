import { ConfigProvider, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../locales/i18n-context';
import { useCockpit } from '../api/use-cockpit';
import { CockpitBoard } from '../components/cockpit-board';

const REFRESH_MS = 60_000;

/**
 * `/screen` 大屏: the cockpit for a 1920×1080 wall display — dark, no menus, nothing to click,
 * refreshed every 60 seconds. Outside the app layout; the same permission as the cockpit.
 */
export function WallScreenPage() {
  const { t } = useI18n();
  const cockpit = useCockpit({}, REFRESH_MS);
  const [clock, setClock] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setClock(new Date()), 1000);
    return () => window.clearInterval(id);
  }, []);
  const updated = cockpit.dataUpdatedAt ? new Date(cockpit.dataUpdatedAt).toLocaleTimeString('zh-CN') : '—';
  return (
    <ConfigProvider
      theme={{ algorithm: theme.darkAlgorithm, token: { colorBgContainer: '#0f1c3a', fontSize: 16 } }}
    >
      <div
        data-testid="wall-screen"
        style={{
          width: 1920,
          minHeight: 1080,
          background: 'radial-gradient(circle at 50% 0%, #12306b 0%, #050b1c 70%)',
          color: '#d6e4ff',
          padding: '16px 28px',
          boxSizing: 'border-box',
          overflow: 'hidden',
          cursor: 'none',
        }}
      >
        <div
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'baseline',
            marginBottom: 12,
          }}
        >
          <h1 style={{ color: '#fff', fontSize: 36, letterSpacing: 4, margin: 0 }}>{t('screen.title')}</h1>
          <div style={{ fontSize: 18 }}>
            <span style={{ fontSize: 28, color: '#fff', marginRight: 16 }}>
              {clock.toLocaleString('zh-CN')}
            </span>
            {t('screen.updated', { time: updated })}
          </div>
        </div>
        {cockpit.data ? <CockpitBoard data={cockpit.data} dark /> : null}
      </div>
    </ConfigProvider>
  );
}
