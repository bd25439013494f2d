import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Test hook (e2e, browser bench): `?debug=1` exposes window.__synthtab to drive the worker directly.
if (new URLSearchParams(location.search).has('debug')) void import('../worker/debug.ts').then((m) => m.installDebugHook());
