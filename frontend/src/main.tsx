import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import '@/styles/index.css';
import { App } from '@/app';
import { languageReady } from '@/lib/i18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');

void languageReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
