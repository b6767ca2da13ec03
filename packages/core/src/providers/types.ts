import type { ModelCapabilities, Task } from '../schemas';

export interface ReferenceImage {
  bytes: Buffer;
  mime: string;
  width: number;
  height: number;
}

export interface GenerateRequest {
  task: Task;
  references: ReferenceImage[];
  signal: AbortSignal;
}

export interface GenerateResult {
  /** Encoded image files, as the provider returned them. */
  images: Buffer[];
}

/** A provider failure with a class the engine can act on and a message safe to show. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ProviderAdapter {
  id: string;
  label: string;
  local: boolean;
  configured: boolean;
  /** What to set to configure it, when it is not. */
  hint: string | null;
  defaultModel: string;
  models: ModelCapabilities[];
  generate(request: GenerateRequest): Promise<GenerateResult>;
}
