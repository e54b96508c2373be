import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { AppProviders } from './app/AppProviders';
import { AppRoutes } from './app/AppRoutes';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    {/* No transitions: wrapped in startTransition (the default), a search's navigation could still be
        pending when Back was pressed, React rendered both as one, and the search box (which follows
        URL changes, see TokenToolbar) never saw the URL move and kept the abandoned text. The panel
        has no Suspense for transitions to serve; each navigation now commits in its own event. */}
    <BrowserRouter useTransitions={false}>
      <AppProviders>
        <AppRoutes />
      </AppProviders>
    </BrowserRouter>
  </StrictMode>,
);
