import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, type ThemeConfig } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { ApiError, setUnauthorizedHandler } from '../lib/api-client';
import { ModuleRegistryProvider } from '../lib/module-registry';
import { useIsPhone } from '../lib/use-is-phone';
import { meQueryKey } from '../lib/use-me';
import { I18nProvider, useI18n } from '../locales/i18n-context';
import { MODULES } from './modules';

/** A restrained government blue; the side menu is a deep navy so the work area stays calm. */
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d5bbf',
    colorInfo: '#1d5bbf',
    borderRadius: 6,
    colorBgLayout: '#f0f3f8',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { siderBg: '#0f2a4d', headerBg: '#ffffff', headerPadding: '0 24px', headerHeight: 56 },
    Menu: { darkItemBg: '#0f2a4d', darkSubMenuItemBg: '#0b2140', darkItemSelectedBg: '#1d5bbf' },
  },
};

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (bad filter, no permission, signed out) do not get better by retrying.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
}

function AntdConfig({ children }: { children: ReactNode }) {
  const { antdLocale } = useI18n();
  // On phones every dialog fills the screen (styles.css), so none opens with an edge off screen.
  const isPhone = useIsPhone();
  return (
    <ConfigProvider
      locale={antdLocale}
      theme={theme}
      modal={isPhone ? { className: 'lz-phone-modal', centered: false } : undefined}
    >
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}

/** Everything the pages rely on: server cache, language, antd locale and theme, the module registry. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);

  useEffect(() => {
    // A 401 anywhere means the session is gone: forget the user; RequireAuth then sends them
    // to /login with the page they were on as `next`.
    setUnauthorizedHandler(() => {
      queryClient.setQueryData(meQueryKey, null);
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AntdConfig>
          <ModuleRegistryProvider modules={MODULES}>{children}</ModuleRegistryProvider>
        </AntdConfig>
      </I18nProvider>
    </QueryClientProvider>
  );
}
