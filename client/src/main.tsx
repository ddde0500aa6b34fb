import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { NotifierProvider } from './components/Notifier';
import { SessionProvider } from './session/SessionContext';
import './styles.css';
import './tables.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html saknar #root');

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <NotifierProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </NotifierProvider>
    </BrowserRouter>
  </StrictMode>,
);
