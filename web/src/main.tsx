import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/app-providers';
import { AppRouter } from './app/app-router';
import { loadStoredLanguage } from './locales/i18n-context';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');

const root = createRoot(container);
void loadStoredLanguage().then(() =>
  root.render(
    <StrictMode>
      <AppProviders>
        <AppRouter />
      </AppProviders>
    </StrictMode>,
  ),
);
