import {
  type ComponentType,
  createContext,
  type LazyExoticComponent,
  type ReactNode,
  useContext,
} from 'react';
import type { Permission } from '../../../shared/src/permissions';
import type { MessageKey } from '../locales/zh';
import type { ModuleIconName } from './module-icons';

/**
 * Where an entry sits in the side menu: the zone's work first (no heading), then the user's own
 * account and integrations, then system administration.
 */
export type MenuGroup = 'work' | 'account' | 'system';

/** A page of a module, loaded on first visit. */
export type LazyPage = LazyExoticComponent<ComponentType>;

/**
 * One module of the UI. The side menu, the routes and the home page's "what you can do here"
 * are all built from the list in `app/modules.ts`, so a new feature adds exactly one entry there.
 */
export interface AppModule {
  /** The area's one English name, as in the API URL and the feature folder (`audit`, `project`). */
  key: string;
  /** Absolute path of the module's main page; also the menu link. */
  path: string;
  labelKey: MessageKey;
  /** One line for the home page: what a user does in this module. */
  descriptionKey: MessageKey;
  /** Drawn by the menu chunk (lib/module-icons.tsx), so the icons stay out of the app shell. */
  icon: ModuleIconName;
  /** Permission from `GET /api/auth/me` needed to see the entry and open its pages; null: anyone signed in. */
  permission: Permission | null;
  group: MenuGroup;
  page: LazyPage;
  /** Further pages under `path`, e.g. `{ path: ':id', page: … }` for a detail page; same permission. */
  subpages?: { path: string; page: LazyPage }[];
}

/** The modules a user with these permissions may see, in registry order. */
export function visibleModules(
  modules: readonly AppModule[],
  permissions: readonly Permission[],
): AppModule[] {
  return modules.filter((module) => module.permission === null || permissions.includes(module.permission));
}

// Features read the registry through context, so they never import from app/ (app composes features).
const ModuleRegistryContext = createContext<readonly AppModule[]>([]);

export function ModuleRegistryProvider({
  modules,
  children,
}: {
  modules: readonly AppModule[];
  children: ReactNode;
}) {
  return <ModuleRegistryContext.Provider value={modules}>{children}</ModuleRegistryContext.Provider>;
}

/** Every registered module (filter with `visibleModules`). */
export function useModuleRegistry(): readonly AppModule[] {
  return useContext(ModuleRegistryContext);
}
