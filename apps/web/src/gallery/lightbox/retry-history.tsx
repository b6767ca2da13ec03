import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Task } from '@genhub/core/schemas';
import { useProviderLabel } from '../../queue/use-provider-label';
import { useTRPC } from '../../trpc';
import { attemptErrorKey, readRetryChain } from './retry-chain';

/**
 * The earlier attempts of a retried task, newest first: each one's status, why it failed in
 * words, provider and time, and opened, the provider's own message and any images it made.
 */
export function RetryHistory({ task }: { task: Task }) {
  if (task.retriedFromId === null) return null;
  return <EarlierAttempts firstId={task.retriedFromId} />;
}

function EarlierAttempts({ firstId }: { firstId: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const providerLabel = useProviderLabel();
  const chain = useQuery({
    queryKey: ['retry-history', firstId],
    queryFn: () =>
      readRetryChain(firstId, (id) =>
        queryClient.fetchQuery(trpc.task.get.queryOptions({ id })).catch(() => null),
      ),
  });
  const attempts = chain.data?.attempts ?? [];
  // Attempts are numbered from the first; the shown task is the one after them all.
  const total = attempts.length + 1;

  return (
    <section data-testid="retry-history" aria-labelledby="retry-history-heading">
      <h2
        id="retry-history-heading"
        className="mb-1 text-xs uppercase tracking-wide text-stone-400"
      >
        {t('retry.history')}
      </h2>
      {chain.isPending ? (
        <p className="text-sm text-stone-400">{t('retry.loading')}</p>
      ) : (
        <>
          {chain.data?.complete && (
            <p className="mb-1 text-sm text-stone-300">
              {t('retry.thisAttempt', { number: total })}
            </p>
          )}
          <ol className="flex flex-col gap-1">
            {attempts.map((attempt, i) => {
              const number = chain.data?.complete ? total - 1 - i : null;
              const when = new Date(attempt.finishedAt ?? attempt.createdAt).toLocaleString(
                i18n.language,
              );
              return (
                <li key={attempt.id} data-testid="retry-attempt" data-task-id={attempt.id}>
                  <details className="rounded-md border border-stone-700 px-2 py-1 text-sm">
                    <summary className="cursor-pointer">
                      {number !== null && (
                        <span className="font-medium">{t('retry.attempt', { number })} · </span>
                      )}
                      {t(`taskStatus.${attempt.status}`)} · {providerLabel(attempt.provider)} ·{' '}
                      <time
                        dateTime={new Date(attempt.finishedAt ?? attempt.createdAt).toISOString()}
                      >
                        {when}
                      </time>
                    </summary>
                    <div className="mt-1 flex flex-col gap-1">
                      {attempt.error && (
                        <>
                          <p className="text-rose-300">{t(attemptErrorKey(attempt.error.code))}</p>
                          <p className="break-words text-xs text-stone-400">
                            {attempt.error.message}
                          </p>
                        </>
                      )}
                      {attempt.generations.length === 0 && (
                        <p className="text-xs text-stone-400">{t('retry.nothingMade')}</p>
                      )}
                      {attempt.generations.length > 0 && (
                        <div className="flex flex-wrap gap-1">
                          {attempt.generations.map((g, index) => (
                            <a
                              key={g.id}
                              href={g.url}
                              target="_blank"
                              rel="noreferrer"
                              aria-label={t('retry.openImage', {
                                index: index + 1,
                                number: number ?? '?',
                              })}
                            >
                              <img
                                src={g.thumbUrl}
                                alt=""
                                className="size-14 rounded object-cover"
                              />
                            </a>
                          ))}
                        </div>
                      )}
                    </div>
                  </details>
                </li>
              );
            })}
          </ol>
          {chain.data && !chain.data.complete && (
            <p className="mt-1 text-xs text-stone-400">{t('retry.unavailable')}</p>
          )}
        </>
      )}
    </section>
  );
}
