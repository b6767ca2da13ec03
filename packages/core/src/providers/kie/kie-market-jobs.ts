import { parseJsonText } from '../parse-reply';
import { ProviderError, type Charge, type ReferenceImage } from '../types';
import type { KieClient } from './kie-client';
import { kieError } from './kie-errors';
import type { KieJobApi } from './kie-job-api';
import type { KieMarketModel } from './kie-market-model';
import { kieMarketModels } from './kie-models';
import { kieCreatedTask, kieRecordInfo, kieResultJson } from './kie-replies';

export interface KieMarketJobsOptions {
  /** Downloads a result URL under the ingest policy. */
  download: (url: string, signal: AbortSignal) => Promise<Buffer>;
}

/** What the model would refuse anyway, refused before anything is uploaded or started. */
function refuseOversized(model: KieMarketModel, prompt: string, references: ReferenceImage[]) {
  const { label } = model.capabilities;
  if (prompt.length > model.maxPromptLength) {
    throw new ProviderError(
      'invalid_request',
      `${label} takes a prompt of at most ${model.maxPromptLength} characters`,
    );
  }
  const limitMb = model.maxReferenceBytes / 1024 / 1024;
  if (references.some((r) => r.bytes.length > model.maxReferenceBytes)) {
    throw new ProviderError(
      'invalid_request',
      `${label} takes reference images up to ${limitMb} MB`,
    );
  }
}

/** KIE's Market jobs API: `createTask`, then `recordInfo` (a callback cuts the wait short). */
export function kieMarketJobs(client: KieClient, options: KieMarketJobsOptions): KieJobApi {
  return {
    prefix: '',
    models: kieMarketModels.map((m) => m.capabilities),

    async submit({ task, references, referenceUrls, callbackUrl, signal }) {
      const model = kieMarketModels.find((m) => m.capabilities.id === task.model);
      if (!model) throw new ProviderError('invalid_request', `KIE.ai has no model ${task.model}`);
      refuseOversized(model, task.prompt, references);
      const input = model.input(task);
      const field = model.referenceField;
      if (references.length > 0 && !field) {
        throw new ProviderError(
          'invalid_request',
          `${model.capabilities.label} takes no references`,
        );
      }
      const urls = await referenceUrls();
      return client.create(
        '/api/v1/jobs/createTask',
        {
          model: model.capabilities.id,
          ...(callbackUrl ? { callBackUrl: callbackUrl } : {}),
          input: { ...input, ...(field && urls.length > 0 ? { [field]: urls } : {}) },
        },
        kieCreatedTask,
        signal,
      );
    },

    async poll(kieTaskId, signal) {
      const record = await client.read(
        `/api/v1/jobs/recordInfo?taskId=${encodeURIComponent(kieTaskId)}`,
        kieRecordInfo,
        signal,
      );
      if (record.state !== 'success' && record.state !== 'fail') return { status: 'running' };
      // recordInfo documents no cost, though some replies carry one; a callback's figure,
      // kept on the task by the engine, wins over it.
      const chargeOf = (): Charge | undefined => {
        const credits = record.creditsConsumed ?? undefined;
        return credits === undefined ? undefined : { amount: credits, unit: 'credits' };
      };
      if (record.state === 'fail') {
        const code = Number(record.failCode) || 501;
        return {
          status: 'failed',
          error: kieError(code, record.failMsg ?? undefined, undefined, chargeOf()),
        };
      }
      const result = parseJsonText(kieResultJson, record.resultJson ?? '');
      if (!result) {
        throw new ProviderError(
          'no_image',
          'KIE.ai reported success without an image',
          undefined,
          chargeOf(),
        );
      }
      const images = await Promise.all(
        result.resultUrls.map((url) => options.download(url, signal)),
      );
      return { status: 'completed', images, charge: chargeOf() };
    },
  };
}
