import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { readJson, sendJson } from './fake-http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

/** What the fake does with the next tasks. */
export interface FakeKieBehaviour {
  /** recordInfo calls before a task is done (waiting → queuing → generating → …). */
  pollsToFinish: number;
  /** The task ends in `fail` with these. */
  fail?: { failCode: string; failMsg: string };
  /** createTask answers with this envelope code (and HTTP status). */
  createError?: { http: number; code: number; msg: string };
  /** createTask and the credit query answer 422 with a message echoing the Authorization header. */
  echoKey?: boolean;
  /** Result URLs to report instead of the fake's own. */
  resultUrls?: string[];
  /** Send the callback this many times, this long after createTask (0: never). */
  callbacks: number;
  callbackDelayMs: number;
  /** Sign callbacks with this key (X-Webhook-Timestamp / X-Webhook-Signature). */
  hmacKey?: string;
  /** Sign with a wrong key instead. */
  forgeSignature?: boolean;
}

interface FakeTask {
  id: string;
  model: string;
  input: Record<string, unknown>;
  callBackUrl?: string;
  polls: number;
  behaviour: FakeKieBehaviour;
  createTime: number;
}

export interface FakeKie {
  url: string;
  apiKey: string;
  behaviour: FakeKieBehaviour;
  tasks: Map<string, FakeTask>;
  uploads: string[];
  callbackResponses: number[];
  /** When the first callback of each KIE task was sent (performance.now()). */
  callbackSentAt: Map<string, number>;
  /** Back to: finish on the third poll, no callbacks, no failures. */
  reset(): void;
  close(): Promise<void>;
}

const defaults = (): FakeKieBehaviour => ({ pollsToFinish: 3, callbacks: 0, callbackDelayMs: 50 });

const json = (res: ServerResponse, status: number, body: unknown) => sendJson(res, status, body);

const echo = (authorization: string | undefined) => ({
  code: 422,
  msg: `Validation error: the request with Authorization: ${authorization} is invalid`,
});

const models = new Set([
  'google/nano-banana',
  'google/nano-banana-edit',
  'nano-banana-pro',
  'nano-banana-2',
]);

/** A KIE.ai stand-in on 127.0.0.1 speaking the formats of providers.md §1, quirks included. */
export async function startFakeKie(): Promise<FakeKie> {
  const result = await sharp({
    create: { width: 1024, height: 1024, channels: 3, background: '#e8b400' },
  })
    .png()
    .toBuffer();
  const uploaded = new Map<string, Buffer>();
  const fake: Omit<FakeKie, 'url' | 'close' | 'reset'> = {
    apiKey: 'kie-test-key',
    behaviour: defaults(),
    tasks: new Map(),
    uploads: [],
    callbackResponses: [],
    callbackSentAt: new Map(),
  };
  let base = '';

  const record = (task: FakeTask, done: boolean) => {
    const failed = done && task.behaviour.fail;
    const states = ['waiting', 'queuing', 'generating'];
    return {
      taskId: task.id,
      model: task.model,
      state: done
        ? failed
          ? 'fail'
          : 'success'
        : (states[Math.min(task.polls, 2)] ?? 'generating'),
      // `param` is a JSON string whose `input` is itself a JSON string.
      param: JSON.stringify({
        model: task.model,
        callBackUrl: task.callBackUrl ?? '',
        input: JSON.stringify(task.input),
      }),
      resultJson:
        done && !failed
          ? JSON.stringify({
              resultUrls: task.behaviour.resultUrls ?? [`${base}/results/${task.id}.png`],
            })
          : '',
      failCode: failed ? task.behaviour.fail?.failCode : '',
      failMsg: failed ? task.behaviour.fail?.failMsg : '',
      costTime: 12,
      creditsConsumed: 4,
      createTime: task.createTime,
      completeTime: done ? Date.now() : null,
      updateTime: Date.now(),
    };
  };

  const callBack = async (task: FakeTask) => {
    if (!task.callBackUrl) return;
    for (let i = 0; i < task.behaviour.callbacks; i++) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const key = task.behaviour.forgeSignature ? 'not-the-key' : task.behaviour.hmacKey;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (key) {
        headers['x-webhook-timestamp'] = timestamp;
        headers['x-webhook-signature'] = createHmac('sha256', key)
          .update(`${task.id}.${timestamp}`)
          .digest('base64');
      }
      task.polls = Number.MAX_SAFE_INTEGER; // the job is done when it calls back
      if (!fake.callbackSentAt.has(task.id)) fake.callbackSentAt.set(task.id, performance.now());
      const response = await fetch(task.callBackUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          code: 200,
          msg: 'Playground task completed successfully.',
          data: record(task, true),
        }),
      }).catch(() => undefined);
      fake.callbackResponses.push(response?.status ?? 0);
    }
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      if (url.pathname.startsWith('/results/')) {
        return res.writeHead(200, { 'content-type': 'image/png' }).end(result);
      }
      if (url.pathname.startsWith('/uploads/')) {
        const bytes = uploaded.get(url.pathname.slice('/uploads/'.length));
        return bytes ? res.writeHead(200).end(bytes) : res.writeHead(404).end();
      }
      if (req.headers.authorization !== `Bearer ${fake.apiKey}`) {
        return json(res, 401, { code: 401, msg: 'You do not have access permissions' });
      }
      if (req.method === 'POST' && url.pathname === '/api/v1/jobs/createTask') {
        const body = await readJson(req);
        const error = fake.behaviour.createError;
        if (error) return json(res, error.http, { code: error.code, msg: error.msg });
        if (fake.behaviour.echoKey) return json(res, 422, echo(req.headers.authorization));
        const input = body.input as Record<string, unknown> | undefined;
        if (
          typeof body.model !== 'string' ||
          !models.has(body.model) ||
          typeof input?.prompt !== 'string'
        ) {
          return json(res, 422, {
            code: 422,
            msg: 'Validation error: model and input.prompt are required',
          });
        }
        const task: FakeTask = {
          id: randomBytes(16).toString('hex'),
          model: body.model,
          input,
          ...(typeof body.callBackUrl === 'string' ? { callBackUrl: body.callBackUrl } : {}),
          polls: 0,
          behaviour: { ...fake.behaviour },
          createTime: Date.now(),
        };
        fake.tasks.set(task.id, task);
        if (task.callBackUrl && task.behaviour.callbacks > 0) {
          setTimeout(() => void callBack(task), task.behaviour.callbackDelayMs);
        }
        return json(res, 200, { code: 200, msg: 'success', data: { taskId: task.id } });
      }
      if (req.method === 'GET' && url.pathname === '/api/v1/jobs/recordInfo') {
        const task = fake.tasks.get(url.searchParams.get('taskId') ?? '');
        if (!task) return json(res, 200, { code: 404, message: 'task not found' });
        task.polls++;
        // The OpenAPI examples say `msg`, the prose says `message`: send the other one each time.
        const key = task.polls % 2 ? 'msg' : 'message';
        return json(res, 200, {
          code: 200,
          [key]: 'success',
          data: record(task, task.polls >= task.behaviour.pollsToFinish),
        });
      }
      if (req.method === 'POST' && url.pathname === '/api/file-base64-upload') {
        const body = await readJson(req);
        const match = /^data:([^;]+);base64,(.*)$/.exec(String(body.base64Data));
        if (!match?.[2])
          return json(res, 400, { success: false, code: 400, msg: 'bad base64Data' });
        const id = `${randomBytes(8).toString('hex')}-${String(body.fileName)}`;
        uploaded.set(id, Buffer.from(match[2], 'base64'));
        fake.uploads.push(id);
        return json(res, 200, {
          success: true,
          code: 200,
          msg: 'File uploaded successfully',
          data: { downloadUrl: `${base}/uploads/${id}`, mimeType: match[1] },
        });
      }
      if (req.method === 'GET' && url.pathname === '/api/v1/chat/credit') {
        if (fake.behaviour.echoKey) return json(res, 422, echo(req.headers.authorization));
        return json(res, 200, { code: 200, msg: 'success', data: 100 });
      }
      json(res, 404, { code: 404, msg: 'not found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...fake,
    url: base,
    reset: () => {
      for (const key of Object.keys(fake.behaviour))
        delete (fake.behaviour as unknown as Record<string, unknown>)[key];
      Object.assign(fake.behaviour, defaults());
      fake.callbackResponses.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
