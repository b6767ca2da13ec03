import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../trpc';
import type { WebhookEndpoint } from './webhook-types';

/** The viewer's endpoints the server disabled because their deliveries kept failing. */
export function useFailingEndpoints(): WebhookEndpoint[] {
  const trpc = useTRPC();
  const endpoints = useQuery(trpc.webhooks.endpoints.list.queryOptions());
  return (endpoints.data ?? []).filter((e) => e.disabledReason === 'failing');
}
