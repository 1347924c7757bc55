import * as MODULE_ICONS from './module-icon-set';

/** The icon of each module, by the name `AppModule.icon` gives (app/modules.ts); see module-icon-set.ts. */
export type ModuleIconName = keyof typeof MODULE_ICONS;

/** A module's icon by name. */
export function ModuleIcon({ name }: { name: ModuleIconName }) {
  // biome-ignore lint/performance/noDynamicNamespaceImportAccess: module-icon-set exports only the menu's icons, every one used, so nothing is left to shake out
  const Icon = MODULE_ICONS[name];
  return <Icon />;
}
