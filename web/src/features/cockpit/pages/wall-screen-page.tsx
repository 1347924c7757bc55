import { ConfigProvider, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../locales/i18n-context';
import { useCockpit } from '../api/use-cockpit';
import { WALL, WallBoard } from '../components/wall-board';

const REFRESH_MS = 60_000;

/** The scale that fits the 1920×1080 design into the window (1 on a 1920×1080 wall). */
function scaleToWindow() {
  return Math.min(window.innerWidth / WALL.width, window.innerHeight / WALL.height);
}

function useFitScale() {
  const [scale, setScale] = useState(scaleToWindow);
  useEffect(() => {
    const onResize = () => setScale(scaleToWindow());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

/**
 * `/screen` 大屏: the cockpit for a 1920×1080 wall display — dark, no menus, nothing to click,
 * refreshed every 60 seconds, every panel whole on one screen (a window of another size gets the
 * same layout scaled to fit). Outside the app layout; the same permission as the cockpit.
 */
export function WallScreenPage() {
  const { t } = useI18n();
  const cockpit = useCockpit({}, REFRESH_MS);
  const scale = useFitScale();
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
          width: WALL.width,
          height: WALL.height,
          background: 'radial-gradient(circle at 50% 0%, #12306b 0%, #050b1c 70%)',
          color: '#d6e4ff',
          padding: `${WALL.padding}px 24px`,
          boxSizing: 'border-box',
          overflow: 'hidden',
          cursor: 'none',
          transform: scale === 1 ? undefined : `scale(${scale})`,
          transformOrigin: '0 0',
        }}
      >
        <div
          style={{
            height: WALL.title,
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            marginBottom: WALL.gap,
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
        {cockpit.data ? <WallBoard data={cockpit.data} /> : null}
      </div>
    </ConfigProvider>
  );
}
