import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { App as AntdApp, ConfigProvider } from 'antd';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { I18nProvider, type Lang, loadLanguage, useI18n } from '../locales/i18n-context';

/**
 * The antd locale follows the language, as in the app (app-providers.tsx). Without motion a
 * dropdown or message is there at once, not half-way through an animation happy-dom never ends.
 */
function AntdConfig({ children }: { children: ReactNode }) {
  const { antdLocale } = useI18n();
  return (
    <ConfigProvider locale={antdLocale} theme={{ token: { motion: false } }}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}

/**
 * Renders a component inside what the app gives every page (app-providers.tsx): the server cache,
 * the language with its texts, antd's locale and App context, and a router for links. A fresh
 * query client per test, without retries, so one test's cache never answers another's.
 * `lang: 'en'` loads the English texts first, as `loadStoredLanguage` does before the app's first render.
 */
export async function renderWithProviders(ui: ReactElement, options: { lang?: Lang } = {}) {
  const lang = options.lang ?? 'zh';
  if (lang === 'en') await loadLanguage('en');
  window.localStorage.setItem('lianzhao.lang', lang);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  // happy-dom applies no :hover styles, so user-event's pointer-events check would refuse what a
  // person reaches by hovering (a picker's clear icon), and it reads every antd style sheet per click.
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AntdConfig>
          <MemoryRouter>{ui}</MemoryRouter>
        </AntdConfig>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return { ...view, user, queryClient };
}
