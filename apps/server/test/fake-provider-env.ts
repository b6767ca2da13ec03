import type { FakeKie } from './fake-kie';
import type { startFakeFal } from './fake-fal';
import type { startFakeGemini } from './fake-gemini';
import type { startFakeNanobanana } from './fake-nanobanana';
import type { startFakeOpenRouter } from './fake-openrouter';
import type { startFakeReplicate } from './fake-replicate';

export interface AllFakes {
  kie?: FakeKie;
  openrouter?: Awaited<ReturnType<typeof startFakeOpenRouter>>;
  gemini?: Awaited<ReturnType<typeof startFakeGemini>>;
  fal?: Awaited<ReturnType<typeof startFakeFal>>;
  replicate?: Awaited<ReturnType<typeof startFakeReplicate>>;
  nanobanana?: Awaited<ReturnType<typeof startFakeNanobanana>>;
}

/**
 * The server's variables for the fakes given: each provider's key and base URLs, and
 * `INGEST_ALLOW_HOSTS` for the fakes that serve result files over plain http.
 */
export function fakeProviderEnv(fakes: AllFakes): Record<string, string> {
  const { kie, openrouter, gemini, fal, replicate, nanobanana } = fakes;
  const downloads = [kie, fal, replicate, nanobanana].flatMap((f) =>
    f ? [new URL(f.url).host] : [],
  );
  return {
    ...(kie && {
      KIE_API_KEY: kie.apiKey,
      KIE_BASE_URL: kie.url,
      KIE_UPLOAD_BASE_URL: kie.uploadUrl,
    }),
    ...(openrouter && {
      OPENROUTER_API_KEY: openrouter.state.apiKey,
      OPENROUTER_BASE_URL: openrouter.url,
    }),
    ...(gemini && { GEMINI_API_KEY: gemini.state.apiKey, GEMINI_BASE_URL: gemini.url }),
    ...(fal && {
      FAL_KEY: fal.state.key,
      FAL_QUEUE_BASE_URL: fal.url,
      FAL_REST_BASE_URL: fal.url,
      FAL_JWKS_URL: fal.jwksUrl,
    }),
    ...(replicate && {
      REPLICATE_API_TOKEN: replicate.state.apiToken,
      REPLICATE_BASE_URL: replicate.url,
    }),
    ...(nanobanana && {
      NANOBANANA_API_KEY: nanobanana.state.apiKey,
      NANOBANANA_BASE_URL: nanobanana.url,
    }),
    ...(downloads.length > 0 && { INGEST_ALLOW_HOSTS: downloads.join(',') }),
  };
}
