import {
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Drawer, Flex, Layout, type MenuProps, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin';
import { LanguageSwitch } from '../components/language-switch';
import { useLogout } from '../features/auth/api/use-auth-mutations';
import { CHANGE_PASSWORD_PATH } from '../features/auth/components/require-auth';
import { InboxBadge } from '../features/inbox/components/inbox-badge';
import { type AppModule, type MenuGroup, useModuleRegistry, visibleModules } from '../lib/module-registry';
import { useIsPhone } from '../lib/use-is-phone';
import { useSignedInMe } from '../lib/use-me';
import { useI18n } from '../locales/i18n-context';
import type { MessageKey } from '../locales/zh';

const COLLAPSED_KEY = 'lianzhao.sider-collapsed';

// Menus load in their own chunk (see side-menu.tsx for why).
const SideMenu = lazy(async () => ({ default: (await import('./side-menu')).SideMenu }));
const UserMenu = lazy(async () => ({ default: (await import('./side-menu')).UserMenu }));

/** The module whose path is the longest prefix of the current path ("/" only for "/"). */
function activeModuleKey(modules: AppModule[], pathname: string): string | undefined {
  const matches = modules.filter((module) =>
    module.path === '/'
      ? pathname === '/'
      : pathname === module.path || pathname.startsWith(`${module.path}/`),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.key;
}

/** Logo mark and name; `light` for the white header shown while the side menu is hidden. */
function Brand({ collapsed, light = false }: { collapsed: boolean; light?: boolean }) {
  const { t } = useI18n();
  return (
    <Flex align="center" gap={10} style={{ height: 56, padding: light ? 0 : '0 20px', overflow: 'hidden' }}>
      <div
        style={{
          flex: '0 0 32px',
          height: 32,
          borderRadius: 8,
          background: '#1d5bbf',
          color: '#fff',
          display: 'grid',
          placeItems: 'center',
          fontWeight: 700,
          lineHeight: 1,
        }}
      >
        链
      </div>
      {collapsed ? null : (
        <Typography.Text
          style={{ color: light ? '#0f2a4d' : '#fff', fontSize: 17, fontWeight: 600, whiteSpace: 'nowrap' }}
        >
          {t('app.name')}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The signed-in frame: side menu from the module registry, header with user, language and logout. */
export function AppLayout() {
  const { t } = useI18n();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const location = useLocation();
  const logoutMutation = useLogout();
  const registry = useModuleRegistry();
  const [collapsed, setCollapsed] = useState(() => window.localStorage.getItem(COLLAPSED_KEY) === '1');
  // On a phone the menu is a drawer, closed until the hamburger opens it and closed again on a choice.
  const isPhone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const restricted = me.user.mustChangePassword;
  const modules = visibleModules(registry, me.permissions);

  const toItem = (module: AppModule) => ({ key: module.key, label: t(module.labelKey) });
  const icons = Object.fromEntries(modules.map((module) => [module.key, module.icon]));
  const group = (name: MenuGroup) => modules.filter((module) => module.group === name).map(toItem);
  const headed = (name: Exclude<MenuGroup, 'work'>, label: MessageKey) => {
    const children = group(name);
    return children.length > 0
      ? [
          {
            type: 'group' as const,
            key: `group-${name}`,
            label: collapsed && !isPhone ? null : t(label),
            children,
          },
        ]
      : [];
  };
  const menuItems: NonNullable<MenuProps['items']> = [
    ...group('work'),
    ...headed('account', 'nav.account'),
    ...headed('system', 'nav.system'),
  ];
  const selected = activeModuleKey(modules, location.pathname);

  const handleToggle = () => {
    if (isPhone) {
      setDrawerOpen(true);
      return;
    }
    const next = !collapsed;
    window.localStorage.setItem(COLLAPSED_KEY, next ? '1' : '0');
    setCollapsed(next);
  };
  const handleLogout = () => {
    logoutMutation.mutate();
  };
  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('nav.changePassword') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout') },
  ];

  const sideMenu = (
    <Suspense fallback={null}>
      <SideMenu
        items={menuItems}
        icons={icons}
        selectedKeys={selected ? [selected] : []}
        onSelect={(key) => {
          const target = modules.find((module) => module.key === key);
          setDrawerOpen(false);
          if (target) navigate(target.path);
        }}
      />
    </Suspense>
  );

  const avatar = (
    <Flex align="center" gap={8} style={{ cursor: 'pointer' }} data-testid="user-menu">
      <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1d5bbf' }} />
      {isPhone ? null : (
        <>
          <Typography.Text data-testid="user-display-name">{me.user.displayName}</Typography.Text>
          <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="user-role">
            {t(`role.${me.user.role}`)}
          </Tag>
        </>
      )}
    </Flex>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {restricted || isPhone ? null : (
        <Layout.Sider
          width={220}
          collapsible
          collapsed={collapsed}
          trigger={null}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Brand collapsed={collapsed} />
          {sideMenu}
        </Layout.Sider>
      )}
      {restricted || !isPhone ? null : (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={260}
          closable={false}
          styles={{ body: { padding: 0, background: '#0f2a4d' }, header: { display: 'none' } }}
          data-testid="menu-drawer"
        >
          <Brand collapsed={false} />
          {sideMenu}
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            gap: isPhone ? 8 : 16,
            padding: isPhone ? '0 8px' : undefined,
            boxShadow: '0 1px 4px rgba(15, 42, 77, 0.08)',
          }}
        >
          {restricted ? (
            <Brand collapsed={false} light />
          ) : (
            <Button
              type="text"
              icon={isPhone ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={handleToggle}
              aria-label="menu"
              data-testid="menu-toggle"
            />
          )}
          <Typography.Text strong style={{ flex: 1, minWidth: 0 }} ellipsis>
            {isPhone ? t('app.name') : `${t('app.zoneName')} · ${t('app.platformName')}`}
          </Typography.Text>
          {restricted ? null : <InboxBadge />}
          <LanguageSwitch />
          <Suspense fallback={avatar}>
            <UserMenu
              items={userMenu}
              onSelect={(key) => (key === 'logout' ? handleLogout() : navigate(CHANGE_PASSWORD_PATH))}
            >
              {avatar}
            </UserMenu>
          </Suspense>
          <Button
            icon={<LogoutOutlined />}
            loading={logoutMutation.isPending}
            onClick={handleLogout}
            aria-label={t('nav.logout')}
            data-testid="logout"
          >
            {isPhone ? null : t('nav.logout')}
          </Button>
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: 'rgba(0,0,0,0.45)', padding: '12px 24px 20px' }}>
          {t('app.fullTitle')}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
