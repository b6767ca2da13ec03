import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '@genhub/core/testing';
import { callTool, mcpToolScenario, taskOf, textOf } from './mcp-tool-suite';
import { startTestServer, type TestServer } from './test-server';
import { memberWithKey, userWithKey } from './user-with-key';

/** An MCP client on the server's /mcp endpoint with `key`, as any MCP client connects. */
async function connectMcp(server: TestServer, key: string): Promise<Client> {
  const client = new Client({ name: 'genhub-test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${key}` } },
  });
  await client.connect(transport);
  return client;
}

/** An MCP `initialize` message, sent by hand. */
const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'curl', version: '1' },
  },
});
const mcpHeaders = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
};

describe('genhub over MCP, Streamable HTTP at /mcp', { timeout: 60_000 }, () => {
  let server: TestServer;
  let admin: Client;
  let adminTaskId = '';

  beforeAll(async () => {
    server = await startTestServer();
    admin = await connectMcp(server, server.key ?? '');
  });

  afterAll(async () => {
    await admin.close();
    await server.close();
  });

  describe('every tool, as the test admin', () => {
    mcpToolScenario(
      () => admin,
      () => server,
    );
  });

  it('refuses a caller without a key (401, with the Bearer challenge) or with a bad one', async () => {
    const res = await fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: mcpHeaders,
      body: initialize,
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    await expect(connectMcp(server, 'gh_not_a_key')).rejects.toMatchObject({ code: 401 });
  });

  it('answers a real initialize; GET and DELETE are 405 (stateless: no stream, no session)', async () => {
    const authorization = `Bearer ${server.key ?? ''}`;
    const res = await fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: { ...mcpHeaders, authorization },
      body: initialize,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('"serverInfo":{"name":"genhub"');
    for (const method of ['GET', 'DELETE']) {
      const other = await fetch(`${server.url}/mcp`, { method, headers: { authorization } });
      expect(other.status, method).toBe(405);
      expect(await other.json()).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } });
    }
  });

  it('refuses a browser page from another origin, and a body that is not MCP', async () => {
    const authorization = `Bearer ${server.key ?? ''}`;
    const foreign = await fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: { ...mcpHeaders, authorization, origin: 'https://attacker.example' },
      body: initialize,
    });
    expect(foreign.status).toBe(403);
    const junk = await fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: { ...mcpHeaders, authorization },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(junk.status).toBe(400);
    expect(await junk.json()).toMatchObject({ error: { code: 'INVALID_INPUT' } });
  });

  it('fetches no reference image from a private address for a caller', async () => {
    const result = await callTool(admin, 'edit', {
      image: 'http://169.254.169.254/latest/meta-data/x.png',
      prompt: 'x',
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/Could not read the image at http:\/\/169\.254\.169\.254/);
  });

  it('lets a read-only key read but not generate', async () => {
    const reader = await userWithKey(
      server.app,
      {
        email: 'reader@genhub.test',
        name: 'reader',
        password: 'a reader password',
        role: 'member',
      },
      ['read'],
      'read only',
    );
    const client = await connectMcp(server, reader.key);
    try {
      const refused = await callTool(client, 'generate', { prompt: 'a red fox' });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/"generate" scope/);
      expect(textOf(refused)).not.toContain(reader.key);
      const search = await callTool(client, 'search_gallery', {});
      expect(search.structuredContent).toMatchObject({ items: [] });
    } finally {
      await client.close();
    }
  });

  it('answers with the task still running when it takes longer than waitSeconds', async () => {
    const slow = await startTestServer({ LOCAL_PROVIDER_DELAY_MS: '3000' });
    const client = await connectMcp(slow, slow.key ?? '');
    try {
      const started = await callTool(client, 'generate', { prompt: 'a slow fox', waitSeconds: 1 });
      const { task } = taskOf(started);
      expect(['pending', 'processing']).toContain(task.status);
      expect(textOf(started)).toContain(`get_task with id "${task.id}"`);
      const status = async () =>
        taskOf(await callTool(client, 'get_task', { id: task.id, images: 'links' })).task.status;
      await until(async () => (await status()) === 'completed', 15_000, 'the slow task');
      const queued = taskOf(
        await callTool(client, 'generate', { prompt: 'later', waitSeconds: 0 }),
      );
      expect(queued.task.status).toBe('pending');
    } finally {
      await client.close();
      await slow.close();
    }
  });

  it("does not show or use another user's task", async () => {
    const made = taskOf(await callTool(admin, 'generate', { prompt: 'a private harbour' }));
    adminTaskId = made.task.id;
    const bob = await memberWithKey(server, 'bob@genhub.test');
    const client = await connectMcp(server, bob.key);
    try {
      const got = await callTool(client, 'get_task', { id: adminTaskId });
      expect(got.isError).toBe(true);
      expect(textOf(got)).toMatch(/not found|does not exist/i);
      const edit = await callTool(client, 'edit', { image: adminTaskId, prompt: 'steal it' });
      expect(edit.isError).toBe(true);
      const byImage = await callTool(client, 'edit', {
        image: made.images[0]?.id ?? '',
        prompt: 'steal it',
      });
      expect(byImage.isError).toBe(true);
      const search = await callTool(client, 'search_gallery', { query: 'harbour' });
      expect(search.structuredContent).toMatchObject({ items: [] });
    } finally {
      await client.close();
    }
  });
});
