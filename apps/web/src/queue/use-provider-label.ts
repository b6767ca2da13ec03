import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { catalogNames } from '../gallery/lightbox/catalog-names';
import { useTRPC } from '../trpc';

/** A provider id as the catalogue names it, in the UI's language ("Local preview engine"). */
export function useProviderLabel(): (provider: string) => string {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const providers = useQuery(trpc.provider.list.queryOptions());
  return (provider) => catalogNames({ provider, model: '' }, providers.data, t).provider;
}
