import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  getDefaultEnvironment,
  StdioClientTransport,
} from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTool, mcpToolScenario, textOf } from './mcp-tool-suite';
import { startTestServer, type TestServer } from './test-server';

/** The CLI as an MCP client configuration starts it: `node …/apps/cli/bin/genhub.js mcp`. */
const genhubBin = fileURLToPath(new URL('../../cli/bin/genhub.js', import.meta.url));

describe('genhub over MCP, stdio (`genhub mcp`)', { timeout: 60_000 }, () => {
  let server: TestServer;
  let client: Client;
  let configDir: string;
  const stderr: string[] = [];
  const protocolErrors: string[] = [];

  const start = async (apiKey: string) => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [genhubBin, 'mcp'],
      // Started from elsewhere, as MCP clients do: nothing depends on the working directory.
      cwd: configDir,
      env: {
        ...getDefaultEnvironment(),
        GENHUB_URL: server.url,
        GENHUB_API_KEY: apiKey,
        GENHUB_CONFIG_DIR: configDir,
      },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
    const mcp = new Client({ name: 'genhub-test', version: '1.0.0' });
    // A line on stdout that is not a protocol message shows up here.
    mcp.onerror = (error) => protocolErrors.push(error.message);
    await mcp.connect(transport);
    return mcp;
  };

  beforeAll(async () => {
    server = await startTestServer();
    configDir = mkdtempSync(join(tmpdir(), 'genhub-mcp-'));
    client = await start(server.key ?? '');
  });

  afterAll(async () => {
    await client.close();
    await server.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  mcpToolScenario(
    () => client,
    () => server,
  );

  it('says why a call fails when the key is refused, and never repeats the key', async () => {
    const revokedKey = 'gh_this_key_was_never_issued';
    const refused = await start(revokedKey);
    try {
      const result = await callTool(refused, 'get_task', { id: 'anything' });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/API key/);
      expect(textOf(result)).not.toContain(revokedKey);
    } finally {
      await refused.close();
    }
  });

  it('wrote nothing but protocol messages to stdout, and no key to stderr', () => {
    expect(protocolErrors).toEqual([]);
    expect(stderr.join('')).not.toContain(server.key ?? '-');
  });
});
