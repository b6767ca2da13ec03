/** A tool call that cannot be carried out as asked; its message is for the caller. */
export class ToolInputError extends Error {
  override name = 'ToolInputError';
}
