import { useState, type ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError, setUnauthenticatedHandler } from '../api/client';
import { keys } from '../api/hooks';
import { colorSchemeManager, cssVariablesResolver, theme } from './theme';

export function createQueryClient() {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  // A 401 anywhere means the session ended: forget the account, and the route guard sends us to sign in.
  setUnauthenticatedHandler(() => client.setQueryData(keys.me, null));
  return client;
}

export function Providers({ children, client, env }: { children: ReactNode; client?: QueryClient; env?: 'default' | 'test' }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto" env={env}>
        <Notifications position="bottom-right" />
        {children}
      </MantineProvider>
    </QueryClientProvider>
  );
}
