import { Dropdown, Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { ModuleIcon, type ModuleIconName } from '../lib/module-icons';

// The menus live in their own chunk (loaded by app-layout with React.lazy): antd's Menu and Dropdown
// bring rc-menu, ~12 KB gzipped, that a phone opening a page from a link does not need before the
// page itself shows; the phone's menu is a drawer opened on a tap anyway. The modules' icons come
// with it for the same reason.

type MenuItems = NonNullable<MenuProps['items']>;

/** The items with each module's icon added (by the item's key, which is the module's key). */
function withIcons(items: MenuItems, icons: Readonly<Record<string, ModuleIconName>>): MenuItems {
  return items.map((item) => {
    if (item && 'children' in item && item.children)
      return { ...item, children: withIcons(item.children, icons) };
    const name = item?.key === undefined ? undefined : icons[String(item.key)];
    return name && item ? { ...item, icon: <ModuleIcon name={name} /> } : item;
  }) as MenuItems;
}

/** The module menu, in the side bar (desktop) or the drawer (phone). */
export function SideMenu({
  items,
  icons,
  selectedKeys,
  onSelect,
}: {
  items: MenuItems;
  /** The icon of each module item, by the item's key. */
  icons: Readonly<Record<string, ModuleIconName>>;
  selectedKeys: string[];
  onSelect: (key: string) => void;
}) {
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selectedKeys}
      items={withIcons(items, icons)}
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
