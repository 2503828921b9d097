// Entry point: language first (so the first paint is in the user's language), then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'uplot/dist/uPlot.min.css';
import './styles/app.css';
import { initI18n, initialLanguage } from './i18n/index.js';
import { App } from './shell/App.js';

await initI18n(initialLanguage());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
