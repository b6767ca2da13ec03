import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sharp from 'sharp';
import { listen, sendJson } from './fake-http';
import { fakeKieModels, refuseKieInput } from './fake-kie-models';
import { readJsonObject } from './read-body';

/** More routes on the API host (KIE's Veo API); true when one answered. */
export type FakeKieRoutes = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  host: {
    base: string;
    fileAt: (url: string) => Buffer | undefined;
    authorized: (req: IncomingMessage, res: ServerResponse) => boolean;
  },
) => Promise<boolean> | boolean;

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
  /** `creditsConsumed` in callbacks, where KIE documents it. */
  credits: number;
  /**
   * `creditsConsumed` on recordInfo too, which KIE's schema does not list but some replies
   * carry; null leaves it out.
   */
  recordInfoCredits: number | null;
}

export interface FakeKieTask {
  id: string;
  model: string;
  input: Record<string, unknown>;
  callBackUrl?: string;
  polls: number;
  behaviour: FakeKieBehaviour;
  createTime: number;
  /** The sha256 of each reference image as stored on the fake's file host when the task came. */
  referenceHashes: (string | null)[];
}

export interface FakeKie {
  /** The API host (createTask, recordInfo, credit; result files). */
  url: string;
  /** The file upload host, separate as KIE's is (uploads, and downloads of uploaded files). */
  uploadUrl: string;
  apiKey: string;
  behaviour: FakeKieBehaviour;
  tasks: Map<string, FakeKieTask>;
  /** Each upload's file path, in order (a name uploaded again appears again). */
  uploads: string[];
  /** The bytes a file host URL serves now, or undefined. */
  fileAt(url: string): Buffer | undefined;
  /** When each createTask the rate limit let through arrived (the fake's clock), oldest first. */
  createTimes: number[];
  /** createTask calls answered 429. */
  rateLimited: number;
  /** Credit (balance) queries received. */
  creditQueries: number;
  callbackResponses: number[];
  /** When the first callback of each KIE task was sent (performance.now()). */
  callbackSentAt: Map<string, number>;
  /** Back to: finish on the third poll, no callbacks, no failures. */
  reset(): void;
  close(): Promise<void>;
}

const defaults = (): FakeKieBehaviour => ({
  pollsToFinish: 3,
  callbacks: 0,
  callbackDelayMs: 50,
  credits: 4,
  recordInfoCredits: 4,
});

/** KIE's documented limit: 20 new generation requests per 10 s per account, never queued. */
const rateLimit = { calls: 20, windowMs: 10_000 };

const json = (res: ServerResponse, status: number, body: unknown) => sendJson(res, status, body);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const echo = (authorization: string | undefined) => ({
  code: 422,
  msg: `Validation error: the request with Authorization: ${authorization} is invalid`,
});

const resultColours = ['#e8b400', '#1f77b4', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

/**
 * A KIE.ai stand-in on 127.0.0.1 as strict as the real one: the documented models and their
 * inputs (422 for an unknown model or value, 500 "<field> is required"), 20 createTask calls
 * per 10 s (429, not queued), a separate file host that overwrites a file uploaded again
 * under the same name, and callbacks with `creditsConsumed`, HMAC-signed as KIE documents.
 */
export async function startFakeKie(
  options: { now?: () => number; routes?: FakeKieRoutes } = {},
): Promise<FakeKie> {
  const now = options.now ?? Date.now;
  // One picture per result index, so several results of a task are several files.
  const results = await Promise.all(
    resultColours.map((background) =>
      sharp({ create: { width: 1024, height: 1024, channels: 3, background } })
        .png()
        .toBuffer(),
    ),
  );
  const files = new Map<string, Buffer>();
  const apiKey = 'kie-test-key';
  const state = {
    behaviour: defaults(),
    tasks: new Map<string, FakeKieTask>(),
    uploads: [] as string[],
    createTimes: [] as number[],
    /** The createTask arrivals within the last window. */
    window: [] as number[],
    rateLimited: 0,
    /** Credit (balance) queries received. */
    creditQueries: 0,
    callbackResponses: [] as number[],
    callbackSentAt: new Map<string, number>(),
  };
  let base = '';
  let uploadBase = '';
  const filePathOf = (url: string) =>
    url.startsWith(`${uploadBase}/files/`) ? url.slice(`${uploadBase}/files/`.length) : undefined;
  const fileAt = (url: string) => {
    const path = filePathOf(url);
    return path === undefined ? undefined : files.get(path);
  };

  const resultUrlsOf = (task: FakeKieTask) => {
    const count = fakeKieModels[task.model]?.images?.(task.input) ?? 1;
    return (
      task.behaviour.resultUrls ??
      Array.from({ length: count }, (_, i) => `${base}/results/${task.id}-${i}.png`)
    );
  };

  const record = (task: FakeKieTask, done: boolean) => {
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
      resultJson: done && !failed ? JSON.stringify({ resultUrls: resultUrlsOf(task) }) : '',
      failCode: failed ? task.behaviour.fail?.failCode : '',
      failMsg: failed ? task.behaviour.fail?.failMsg : '',
      costTime: 12_000,
      createTime: task.createTime,
      completeTime: done ? Date.now() : null,
      updateTime: Date.now(),
    };
  };

  const callBack = async (task: FakeKieTask) => {
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
      if (!state.callbackSentAt.has(task.id)) state.callbackSentAt.set(task.id, performance.now());
      const failed = Boolean(task.behaviour.fail);
      const response = await fetch(task.callBackUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          code: failed ? 501 : 200,
          msg: failed ? 'Generation failed' : 'Playground task completed successfully.',
          data: {
            ...record(task, true),
            creditsConsumed: task.behaviour.credits,
            // Seconds here, where recordInfo says milliseconds.
            costTime: 12,
          },
        }),
      }).catch(() => undefined);
      state.callbackResponses.push(response?.status ?? 0);
    }
  };

  const createTask = async (req: IncomingMessage, res: ServerResponse) => {
    const at = now();
    while (state.window.length > 0 && (state.window[0] ?? 0) <= at - rateLimit.windowMs)
      state.window.shift();
    if (state.window.length >= rateLimit.calls) {
      state.rateLimited++;
      return json(res, 429, { code: 429, msg: 'Rate limit exceeded: too many requests' });
    }
    state.window.push(at);
    state.createTimes.push(at);
    const body = await readJsonObject(req);
    const error = state.behaviour.createError;
    if (error) return json(res, error.http, { code: error.code, msg: error.msg });
    if (state.behaviour.echoKey) return json(res, 422, echo(req.headers.authorization));
    const model = typeof body?.model === 'string' ? fakeKieModels[body.model] : undefined;
    if (!body || typeof body.model !== 'string' || !model) {
      return json(res, 200, { code: 422, msg: 'The model name you specified is not supported' });
    }
    const input = body.input;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return json(res, 200, { code: 500, msg: 'input is required' });
    }
    const fields: Record<string, unknown> = Object.fromEntries(Object.entries(input));
    const refused = refuseKieInput(model, fields);
    if (refused) return json(res, 200, refused);
    const references = model.references ? fields[model.references.field] : undefined;
    const task: FakeKieTask = {
      id: randomBytes(16).toString('hex'),
      model: body.model,
      input: fields,
      ...(typeof body.callBackUrl === 'string' ? { callBackUrl: body.callBackUrl } : {}),
      polls: 0,
      behaviour: { ...state.behaviour },
      createTime: Date.now(),
      referenceHashes: (Array.isArray(references) ? references : []).map((url: unknown) => {
        const bytes = typeof url === 'string' ? fileAt(url) : undefined;
        return bytes ? sha256(bytes) : null;
      }),
    };
    state.tasks.set(task.id, task);
    if (task.callBackUrl && task.behaviour.callbacks > 0) {
      setTimeout(() => void callBack(task), task.behaviour.callbackDelayMs);
    }
    return json(res, 200, { code: 200, msg: 'success', data: { taskId: task.id } });
  };

  const recordInfo = (url: URL, res: ServerResponse) => {
    const taskId = url.searchParams.get('taskId');
    if (!taskId) return json(res, 200, { code: 400, msg: 'taskId is required' });
    const task = state.tasks.get(taskId);
    if (!task) return json(res, 200, { code: 404, message: 'task not found' });
    task.polls++;
    const done = task.polls >= task.behaviour.pollsToFinish;
    const credits = task.behaviour.recordInfoCredits;
    // The OpenAPI examples say `msg`, the prose says `message`: send the other one each time.
    return json(res, 200, {
      code: 200,
      [task.polls % 2 ? 'msg' : 'message']: 'success',
      data: {
        ...record(task, done),
        ...(done && credits !== null ? { creditsConsumed: credits } : {}),
      },
    });
  };

  const authorized = (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers.authorization === `Bearer ${apiKey}`) return true;
    json(res, 401, { code: 401, msg: 'You do not have access permissions' });
    return false;
  };

  const api = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (await options.routes?.(req, res, url, { base, fileAt, authorized })) return;
    const result = /^\/results\/[0-9a-f]+-(\d)\.png$/.exec(url.pathname);
    if (result) {
      return res.writeHead(200, { 'content-type': 'image/png' }).end(results[Number(result[1])]);
    }
    if (!authorized(req, res)) return;
    if (req.method === 'POST' && url.pathname === '/api/v1/jobs/createTask')
      return createTask(req, res);
    if (req.method === 'GET' && url.pathname === '/api/v1/jobs/recordInfo')
      return recordInfo(url, res);
    if (req.method === 'GET' && url.pathname === '/api/v1/chat/credit') {
      state.creditQueries++;
      if (state.behaviour.echoKey) return json(res, 422, echo(req.headers.authorization));
      return json(res, 200, { code: 200, msg: 'success', data: 100 });
    }
    json(res, 404, { code: 404, msg: 'not found' });
  });

  const upload = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readJsonObject(req);
    const refuse = (msg: string) => json(res, 400, { success: false, code: 400, msg });
    if (typeof body?.base64Data !== 'string') return refuse('base64Data is required');
    if (typeof body.uploadPath !== 'string' || body.uploadPath === '')
      return refuse('uploadPath is required');
    const match = /^(?:data:([\w.+-]+\/[\w.+-]+);base64,)?([A-Za-z0-9+/]+={0,2})$/.exec(
      body.base64Data,
    );
    if (!match?.[2]) return refuse('base64Data is not valid base64');
    // No name: a random one. The same name again: the old file is overwritten.
    const fileName =
      typeof body.fileName === 'string' && body.fileName !== ''
        ? body.fileName
        : `${randomBytes(8).toString('hex')}.png`;
    const filePath = `${body.uploadPath.replace(/^\/|\/$/g, '')}/${fileName}`;
    const bytes = Buffer.from(match[2], 'base64');
    files.set(filePath, bytes);
    state.uploads.push(filePath);
    return json(res, 200, {
      success: true,
      code: 200,
      msg: 'File uploaded successfully',
      data: {
        fileName,
        filePath,
        downloadUrl: `${uploadBase}/files/${filePath}`,
        fileSize: bytes.length,
        mimeType: match[1] ?? 'image/png',
        uploadedAt: new Date().toISOString(),
      },
    });
  };

  const fileHost = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
      const bytes = files.get(url.pathname.slice('/files/'.length));
      return bytes ? res.writeHead(200).end(bytes) : res.writeHead(404).end();
    }
    if (!authorized(req, res)) return;
    if (req.method === 'POST' && url.pathname === '/api/file-base64-upload')
      return upload(req, res);
    json(res, 404, { success: false, code: 404, msg: 'not found' });
  });

  base = api.url;
  uploadBase = fileHost.url;
  return {
    ...state,
    get rateLimited() {
      return state.rateLimited;
    },
    get creditQueries() {
      return state.creditQueries;
    },
    url: base,
    uploadUrl: uploadBase,
    apiKey,
    fileAt,
    reset: () => {
      Object.assign(state.behaviour, defaults());
      for (const key of [
        'fail',
        'createError',
        'echoKey',
        'resultUrls',
        'hmacKey',
        'forgeSignature',
      ] as const)
        delete state.behaviour[key];
      state.callbackResponses.length = 0;
    },
    close: async () => {
      await Promise.all([api.close(), fileHost.close()]);
    },
  };
}
