import type { ModelCapabilities, Task } from '../../schemas';

/** A model of KIE's Market jobs API (`createTask`): what genhub offers and how it is asked. */
export interface KieMarketModel {
  capabilities: ModelCapabilities;
  /** The longest prompt it takes, in characters. */
  maxPromptLength: number;
  /** The largest reference file it takes, in bytes. */
  maxReferenceBytes: number;
  /** The input field its reference image URLs go in; absent when it takes none. */
  referenceField?: 'image_urls' | 'image_input';
  /**
   * The `input` of `createTask` apart from the references. Throws a ProviderError for what the
   * model cannot express (validation at create time refuses those first).
   */
  input(task: Task): Record<string, unknown>;
}

export const megabytes = (n: number) => n * 1024 * 1024;

/**
 * `nsfw_checker`, where a model documents it: strict and balanced turn KIE's filter on,
 * permissive turns it off; without a safety level the field is left to KIE's default (off).
 */
export const nsfwChecker = (task: Task): { nsfw_checker?: boolean } =>
  task.safety === null ? {} : { nsfw_checker: task.safety !== 'permissive' };
