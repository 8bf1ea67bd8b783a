// The test host's entry: ?dark gives the page a dark color-scheme (CSS only, no meta tag), ?rtl makes
// it right-to-left Arabic; then the settings page renders.
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './host.css';

const params = new URLSearchParams(location.search);
if (params.has('dark')) document.documentElement.style.colorScheme = 'dark';
if (params.has('rtl')) {
  document.documentElement.dir = 'rtl';
  document.documentElement.lang = 'ar';
}
createRoot(document.getElementById('root')!).render(<App />);
