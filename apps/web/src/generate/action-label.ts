import type { TFunction } from 'i18next';
import type { Operation } from '@genhub/core/schemas';

/** What the submit button says for an operation: "Remove background", "Make video". */
export const actionLabel = (operation: Operation, t: TFunction): string =>
  t(`generate.actions.${operation}`);
