import {
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Layout, Menu, type MenuProps, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin';
import { LanguageSwitch } from '../components/language-switch';
import { useLogout } from '../features/auth/api/use-auth-mutations';
import { CHANGE_PASSWORD_PATH } from '../features/auth/components/require-auth';
import { InboxBadge } from '../features/inbox/components/inbox-badge';
import { type AppModule, type MenuGroup, useModuleRegistry, visibleModules } from '../lib/module-registry';
import { useSignedInMe } from '../lib/use-me';
import { useI18n } from '../locales/i18n-context';
import type { MessageKey } from '../locales/zh';

const COLLAPSED_KEY = 'lianzhao.sider-collapsed';

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
  const restricted = me.user.mustChangePassword;
  const modules = visibleModules(registry, me.permissions);

  const toItem = (module: AppModule) => {
    const Icon = module.icon;
    return { key: module.key, icon: <Icon />, label: t(module.labelKey) };
  };
  const group = (name: MenuGroup) => modules.filter((module) => module.group === name).map(toItem);
  const headed = (name: Exclude<MenuGroup, 'work'>, label: MessageKey) => {
    const children = group(name);
    return children.length > 0
      ? [{ type: 'group' as const, key: `group-${name}`, label: collapsed ? null : t(label), children }]
      : [];
  };
  const menuItems: MenuProps['items'] = [
    ...group('work'),
    ...headed('account', 'nav.account'),
    ...headed('system', 'nav.system'),
  ];
  const selected = activeModuleKey(modules, location.pathname);

  const handleToggle = () => {
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

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {restricted ? null : (
        <Layout.Sider
          width={220}
          collapsible
          collapsed={collapsed}
          trigger={null}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Brand collapsed={collapsed} />
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={menuItems}
            onClick={({ key }) => {
              const target = modules.find((module) => module.key === key);
              if (target) navigate(target.path);
            }}
            data-testid="side-menu"
          />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            gap: 16,
            boxShadow: '0 1px 4px rgba(15, 42, 77, 0.08)',
          }}
        >
          {restricted ? (
            <Brand collapsed={false} light />
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={handleToggle}
              aria-label="menu"
            />
          )}
          <Typography.Text strong style={{ flex: 1, minWidth: 0 }} ellipsis>
            {t('app.zoneName')} · {t('app.platformName')}
          </Typography.Text>
          {restricted ? null : <InboxBadge />}
          <LanguageSwitch />
          <Dropdown
            menu={{
              items: userMenu,
              onClick: ({ key }) => (key === 'logout' ? handleLogout() : navigate(CHANGE_PASSWORD_PATH)),
            }}
          >
            <Flex align="center" gap={8} style={{ cursor: 'pointer' }} data-testid="user-menu">
              <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1d5bbf' }} />
              <Typography.Text data-testid="user-display-name">{me.user.displayName}</Typography.Text>
              <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="user-role">
                {t(`role.${me.user.role}`)}
              </Tag>
            </Flex>
          </Dropdown>
          <Button
            icon={<LogoutOutlined />}
            loading={logoutMutation.isPending}
            onClick={handleLogout}
            data-testid="logout"
          >
            {t('nav.logout')}
          </Button>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
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
