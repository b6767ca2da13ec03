import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthGate } from './account/auth-gate';
import { App } from './app';
import './i18n';
import './styles.css';
import { queryClient, TRPCProvider, trpcClient } from './trpc';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <AuthGate>
          <App />
        </AuthGate>
      </TRPCProvider>
    </QueryClientProvider>
  </StrictMode>,
);
