import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { startStudio } from './app/bootstrap.ts';
import './app/styles/app.css';

performance.mark('gsim:start');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// First frame after React committed the shell: the "time to first render" the studio reports.
requestAnimationFrame(() => performance.mark('gsim:first-render'));

// The e2e hook exists only in test builds (VITE_STUDIO_TEST_API=1), and is loaded on its own.
if (import.meta.env.VITE_STUDIO_TEST_API === '1') void import('./app/testApi.ts').then((m) => m.installTestApi());

void startStudio();
