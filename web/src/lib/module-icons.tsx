import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BuildOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  ExceptionOutlined,
  FileDoneOutlined,
  FlagOutlined,
  HeartOutlined,
  HomeOutlined,
  InboxOutlined,
  KeyOutlined,
  ProjectOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SendOutlined,
  ShareAltOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  TrophyOutlined,
} from '@ant-design/icons';

// The menu's icons, drawn only by the side menu (its own chunk) and the home page's module cards (a
// lazy part): kept out of the app shell, which a phone opening a page from a link loads first.

/** The icon of each module, by the name `AppModule.icon` gives (app/modules.ts). */
const MODULE_ICONS = {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BuildOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  ExceptionOutlined,
  FileDoneOutlined,
  FlagOutlined,
  HeartOutlined,
  HomeOutlined,
  InboxOutlined,
  KeyOutlined,
  ProjectOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SendOutlined,
  ShareAltOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  TrophyOutlined,
} as const;

export type ModuleIconName = keyof typeof MODULE_ICONS;

/** A module's icon by name. */
export function ModuleIcon({ name }: { name: ModuleIconName }) {
  const Icon = MODULE_ICONS[name];
  return <Icon />;
}
