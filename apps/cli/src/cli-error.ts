import { GenhubError } from '@genhub/client';
import { exitCodes, type ExitCode } from './exit-codes';

/** A failure the command line reports as one line on stderr and an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    /** Machine-readable, printed beside the message (UNAUTHORIZED, NOT_FOUND, USAGE, …). */
    readonly code: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError(message, exitCodes.usage, 'USAGE');

const exitByCode: Partial<Record<string, ExitCode>> = {
  UNAUTHORIZED: exitCodes.auth,
  FORBIDDEN: exitCodes.auth,
  NOT_FOUND: exitCodes.notFound,
  BAD_REQUEST: exitCodes.usage,
  PARSE_ERROR: exitCodes.usage,
  UNPROCESSABLE_CONTENT: exitCodes.usage,
  PAYLOAD_TOO_LARGE: exitCodes.usage,
  UNSUPPORTED_MEDIA_TYPE: exitCodes.usage,
  NETWORK: exitCodes.network,
  TIMEOUT: exitCodes.network,
  BAD_GATEWAY: exitCodes.network,
  SERVICE_UNAVAILABLE: exitCodes.network,
  GATEWAY_TIMEOUT: exitCodes.network,
};

/** What to say for the codes whose server message does not tell a CLI user what to do. */
function messageOf(error: GenhubError, url: string | undefined): string {
  const server = url ? ` at ${url}` : '';
  if (error.code === 'NETWORK') return `Cannot reach the genhub server${server} (${error.message})`;
  if (error.code === 'UNAUTHORIZED') {
    return `The server${server} refused the API key: run \`genhub login\`, or check GENHUB_API_KEY`;
  }
  return error.message;
}

/** Any failure as what the user sees: a message, a code and an exit code. */
export function toCliError(error: unknown, url?: string): CliError {
  if (error instanceof CliError) return error;
  const known = GenhubError.from(error);
  return new CliError(
    messageOf(known, url),
    exitByCode[known.code] ?? exitCodes.failed,
    known.code,
  );
}
