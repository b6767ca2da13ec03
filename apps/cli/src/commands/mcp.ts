import { Command } from 'commander';
import { createGenhubClient } from '@genhub/client';
import { credentialsOf, type Credentials } from '../connect';
import { examples } from '../examples';
import { onRun } from '../on-run';
import type { CliIo } from '../session';

/** Serves genhub's MCP tools on stdin/stdout until the MCP client closes stdin. */
export async function runMcpCommand(options: Credentials): Promise<void> {
  // Loaded here, not at the top: the MCP SDK would double every other command's start-up time.
  const { serveMcpOverStdio } = await import('@genhub/mcp');
  const client = createGenhubClient({ url: options.url, apiKey: options.apiKey });
  try {
    await serveMcpOverStdio(client, { publicUrl: options.url });
  } finally {
    await client.close();
  }
}

const clientConfig = `
An MCP client starts it itself. In Claude Desktop's claude_desktop_config.json:
  { "mcpServers": { "genhub": {
      "command": "node", "args": ["/path/to/genhub/apps/cli/bin/genhub.js", "mcp"],
      "env": { "GENHUB_URL": "http://127.0.0.1:3000", "GENHUB_API_KEY": "gh_…" } } } }
(or "command": "pnpm", "args": ["-s", "-C", "/path/to/genhub", "genhub", "mcp"]: -s keeps
pnpm's own lines off stdout). Without GENHUB_URL and GENHUB_API_KEY it uses the login that
\`genhub login\` stored.`;

export function mcpCommand(io: CliIo): Command {
  const command = new Command('mcp')
    .summary('serve genhub to an MCP client (Claude Desktop, …) over stdio')
    .description(
      'Serves genhub as a Model Context Protocol server on stdin/stdout, with the tools\n' +
        'generate, edit, get_task, search_gallery and run_plan, acting with your API key.\n' +
        'stdout carries the protocol; messages go to stderr.',
    )
    .addHelpText(
      'after',
      examples('genhub mcp', 'GENHUB_URL=http://127.0.0.1:3000 GENHUB_API_KEY=gh_… genhub mcp') +
        clientConfig,
    );
  return onRun(command, io, (session) => runMcpCommand(credentialsOf(session)));
}
