import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { applyInitialTheme } from '../components/theme-toggle';
import { AppProviders } from './providers';
import { createAppRouter } from './router';
import './styles.css';

applyInitialTheme();

const container = document.getElementById('root');
if (!container) throw new Error('Lanyard: #root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={createAppRouter()} />
    </AppProviders>
  </StrictMode>,
);
