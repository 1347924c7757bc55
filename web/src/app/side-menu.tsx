import { Dropdown, Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';

// The menus live in their own chunk (loaded by app-layout with React.lazy): antd's Menu and Dropdown
// bring rc-menu, ~12 KB gzipped, that a phone opening a page from a link does not need before the
// page itself shows; the phone's menu is a drawer opened on a tap anyway.

/** The module menu, in the side bar (desktop) or the drawer (phone). */
export function SideMenu({
  items,
  selectedKeys,
  onSelect,
}: {
  items: MenuProps['items'];
  selectedKeys: string[];
  onSelect: (key: string) => void;
}) {
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selectedKeys}
      items={items}
      onClick={({ key }) => onSelect(key)}
      data-testid="side-menu"
    />
  );
}

/** The user's menu under the avatar (change password, sign out). */
export function UserMenu({
  items,
  onSelect,
  children,
}: {
  items: MenuProps['items'];
  onSelect: (key: string) => void;
  children: ReactNode;
}) {
  return <Dropdown menu={{ items, onClick: ({ key }) => onSelect(key) }}>{children}</Dropdown>;
}
