import { requestDefaultAspectRatio, type AspectRatio, type Operation } from '@genhub/core/schemas';

export interface AspectRatioField {
  /** What the selector shows. */
  value: AspectRatio;
  /** Its choices, in order; `auto` first when it means "the first image's shape". */
  choices: AspectRatio[];
  /** Whether `auto` stands for the input image's shape (an operation on images). */
  fromImage: boolean;
  /** What the request carries; absent leaves it to the server's default (`auto`). */
  send: AspectRatio | undefined;
}

/**
 * The aspect selector of the form. An operation on images starts at `auto` even for a model
 * without it (the server takes that model's ratio nearest the image); a ratio the user picked
 * wins while the model offers it.
 */
export function aspectRatioField(
  operation: Operation,
  picked: AspectRatio | null,
  modelRatios: readonly AspectRatio[],
): AspectRatioField {
  const fallback = requestDefaultAspectRatio(operation);
  const fromImage = fallback === 'auto';
  const choices = fromImage
    ? ['auto' as const, ...modelRatios.filter((r) => r !== 'auto')]
    : [...modelRatios];
  if (picked !== null && choices.includes(picked)) {
    return {
      value: picked,
      choices,
      fromImage,
      send: fromImage && picked === 'auto' ? undefined : picked,
    };
  }
  if (fromImage) return { value: 'auto', choices, fromImage, send: undefined };
  const value = modelRatios.includes(fallback) ? fallback : (modelRatios[0] ?? fallback);
  return { value, choices, fromImage, send: value };
}
