// The smoke check `scripts/node-compat.sh` runs against the built server started on another
// Node: health, onboarding, sign-in, a `local` task over tRPC HTTP, and its image from /files.
// Usage: node --import tsx scripts/node-compat-smoke.ts --url http://127.0.0.1:PORT [--pid N]
import { parseArgs } from 'node:util';
import { z } from 'zod';

const args = parseArgs({ options: { url: { type: 'string' }, pid: { type: 'string' } } }).values;
const base = z.url().parse(args.url).replace(/\/$/, '');
const serverPid = args.pid === undefined ? null : z.coerce.number().int().parse(args.pid);
const waitLimitMs = 60_000;
const admin = { email: 'admin@node-compat.test', password: 'node-compat password', name: 'Compat' };

const healthy = z.object({ ok: z.literal(true) });
const setupState = z.object({ needsAdmin: z.boolean() });
const trpcReply = z.object({ result: z.object({ data: z.unknown() }) });
const createdTask = z.object({ id: z.string() });
const taskView = z.object({
  status: z.string(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  generations: z.array(z.object({ url: z.string() })),
});

function serverExited(): boolean {
  if (serverPid === null) return false;
  try {
    process.kill(serverPid, 0);
    return false;
  } catch {
    return true;
  }
}

/** Calls `attempt` until it returns a value; fails when the server exits or time runs out. */
async function waitFor<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + waitLimitMs;
  for (;;) {
    if (serverExited()) throw new Error(`the server exited while waiting for ${what}`);
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${waitLimitMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100)); // pacing between polls
  }
}

async function send(path: string, init: RequestInit, expected: number): Promise<Response> {
  const response = await fetch(base + path, init);
  if (response.status !== expected) {
    const body = (await response.text()).slice(0, 300);
    throw new Error(
      `${init.method ?? 'GET'} ${path}: HTTP ${response.status}, not ${expected}: ${body}`,
    );
  }
  return response;
}

const postJson = (body: unknown, headers: Record<string, string> = {}) =>
  ({
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, ...headers },
    body: JSON.stringify(body),
  }) satisfies RequestInit;

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => /session_token=/.test(c));
  if (!cookie) throw new Error(`${response.url}: no session cookie`);
  return cookie.split(';', 1)[0] ?? '';
}

const kindOf = (bytes: Uint8Array): string | null => {
  const ascii = (from: number, to: number) =>
    Buffer.from(bytes.subarray(from, to)).toString('latin1');
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'PNG';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'WebP';
  return null;
};

/** Runs every step against a fresh server; returns the summary or throws the first failure. */
async function smoke(): Promise<string> {
  await waitFor('/healthz', async () => {
    try {
      const response = await fetch(`${base}/healthz`);
      return response.ok ? healthy.parse(await response.json()) : undefined;
    } catch {
      return undefined; // not listening yet
    }
  });

  const fresh = setupState.parse(await (await send('/api/setup', {}, 200)).json());
  if (!fresh.needsAdmin) throw new Error('a fresh data directory already has an admin');
  await send('/api/setup', postJson(admin), 201);
  const signedIn = await send(
    '/api/auth/sign-in/email',
    postJson({ email: admin.email, password: admin.password }),
    200,
  );
  const cookie = sessionCookie(signedIn);

  const started = Date.now();
  const created = await send(
    '/trpc/task.create',
    postJson({ prompt: 'node compat smoke', provider: 'local' }, { cookie }),
    200,
  );
  const { id } = createdTask.parse(trpcReply.parse(await created.json()).result.data);
  const done = await waitFor('a finished task', async () => {
    const input = encodeURIComponent(JSON.stringify({ id }));
    const reply = await send(`/trpc/task.get?input=${input}`, { headers: { cookie } }, 200);
    const view = taskView.parse(trpcReply.parse(await reply.json()).result.data);
    return ['pending', 'processing'].includes(view.status) ? undefined : view;
  });
  if (done.status !== 'completed') {
    throw new Error(`task ${done.status}: ${done.error?.code ?? ''} ${done.error?.message ?? ''}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  const imageUrl = new URL(done.generations[0]?.url ?? '', base);
  if (!imageUrl.pathname.startsWith('/files/'))
    throw new Error(`no /files image: ${imageUrl.href}`);
  const image = await send(imageUrl.pathname + imageUrl.search, { headers: { cookie } }, 200);
  const bytes = new Uint8Array(await image.arrayBuffer());
  const kind = kindOf(bytes);
  if (!kind) throw new Error(`${imageUrl.pathname} is neither PNG nor WebP`);

  return `ok (healthz, onboarding, sign-in, local task done in ${seconds} s, ${kind} ${bytes.length} B from /files)`;
}

try {
  console.log(await smoke());
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
