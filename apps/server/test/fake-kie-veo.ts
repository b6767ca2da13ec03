import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { testClip } from '@genhub/core/testing';
import { sendJson } from './fake-http';
import type { FakeKieRoutes } from './fake-kie';
import { readJsonObject } from './read-body';
import { solidPng } from './test-server';

/** What a result URL serves. */
export type FakeVeoResult =
  /** The real MP4 the local encoder made. */
  | 'clip'
  /** A PNG named .mp4, served as video/mp4. */
  | 'png'
  /** The clip padded to this many bytes, streamed without a Content-Length. */
  | { paddedTo: number };

/** What the fake does with the next Veo tasks. */
export interface FakeVeoBehaviour {
  /** record-info calls answering `successFlag` 0 before the task is done. */
  pollsToFinish: number;
  /** Then this many answers of `successFlag` 1 with no result URLs yet, as KIE sometimes sends. */
  emptySuccessPolls: number;
  /** The task ends with `successFlag` 2 or 3 and these. */
  fail?: { successFlag: 2 | 3; errorCode: number | null; errorMessage: string };
  /** Callbacks to send after `generate`, `callbackDelayMs` apart (0: none). */
  callbacks: number;
  callbackDelayMs: number;
  /** `info.resultUrls` as the string the schema types (`"[…]"`) instead of an array. */
  callbackUrlsAsString: boolean;
  /** Sign callbacks (X-Webhook-Timestamp / X-Webhook-Signature) with this key. */
  hmacKey?: string;
  result: FakeVeoResult;
}

export interface FakeVeoTask {
  id: string;
  /** The generate request exactly as sent. */
  body: Record<string, unknown>;
  polls: number;
  behaviour: FakeVeoBehaviour;
  /** The sha256 of each image URL's file on the fake's file host when the task came. */
  imageHashes: (string | null)[];
  /** Times the result file was fetched. */
  downloads: number;
}

export interface FakeKieVeo {
  /** Mount on the KIE fake: `startFakeKie({ routes: veo.routes })`. */
  routes: FakeKieRoutes;
  behaviour: FakeVeoBehaviour;
  tasks: Map<string, FakeVeoTask>;
  /** The MP4 a `clip` result serves. */
  clip: Buffer;
  callbackResponses: number[];
  /** Sends one callback for a task now, shaped and signed by its behaviour. */
  callBack(taskId: string): Promise<void>;
  reset(): void;
}

const defaults = (): FakeVeoBehaviour => ({
  pollsToFinish: 2,
  emptySuccessPolls: 0,
  callbacks: 0,
  callbackDelayMs: 50,
  callbackUrlsAsString: false,
  result: 'clip',
});

const models: unknown[] = ['veo3', 'veo3_fast', 'veo3_lite'];
/** The fields with a fixed set of values, and those values (`Auto` and `4k` spelled so). */
const enums: [string, unknown[]][] = [
  ['generationType', ['TEXT_2_VIDEO', 'FIRST_AND_LAST_FRAMES_2_VIDEO', 'REFERENCE_2_VIDEO']],
  ['aspectRatio', ['16:9', '9:16', 'Auto']],
  ['duration', [4, 6, 8]],
  ['resolution', ['720p', '1080p', '4k']],
];
const known = new Set([
  'prompt',
  'model',
  'generationType',
  'imageUrls',
  'aspectRatio',
  'duration',
  'resolution',
  'enableTranslation',
  'watermark',
  'callBackUrl',
  'seeds',
]);

/** KIE's answer to a refused request: an envelope with a code, HTTP 200. */
const refusal = (code: number, msg: string) => ({ code, msg });

/** What the real API would refuse about a generate request, or null. */
function refuseGenerate(
  body: Record<string, unknown>,
  fileAt: (url: string) => Buffer | undefined,
) {
  const unknown = Object.keys(body).find((key) => !known.has(key));
  if (unknown) return refusal(422, `Unknown parameter: ${unknown}`);
  if (typeof body.prompt !== 'string' || body.prompt.trim() === '')
    return refusal(422, 'prompt is required');
  if (body.model !== undefined && !models.includes(body.model))
    return refusal(422, 'The model name you specified is not supported');
  for (const [field, allowed] of enums) {
    const value = body[field];
    if (value !== undefined && !allowed.includes(value))
      return refusal(422, `Invalid ${field}: ${JSON.stringify(value)}`);
  }
  if (body.enableTranslation !== undefined && typeof body.enableTranslation !== 'boolean')
    return refusal(422, 'enableTranslation must be a boolean');
  const urls = body.imageUrls;
  if (urls !== undefined && (!Array.isArray(urls) || !urls.every((u) => typeof u === 'string')))
    return refusal(422, 'imageUrls must be a list of URLs');
  const images: unknown[] = Array.isArray(urls) ? urls : [];
  if (images.some((url) => typeof url !== 'string' || !fileAt(url)))
    return refusal(400, 'Image fetch failed: the image URL cannot be accessed');
  const inferred =
    body.generationType ?? (images.length > 0 ? 'FIRST_AND_LAST_FRAMES_2_VIDEO' : 'TEXT_2_VIDEO');
  if (inferred === 'TEXT_2_VIDEO' && images.length > 0)
    return refusal(422, 'TEXT_2_VIDEO takes no imageUrls');
  if (inferred === 'FIRST_AND_LAST_FRAMES_2_VIDEO' && (images.length < 1 || images.length > 2))
    return refusal(422, 'FIRST_AND_LAST_FRAMES_2_VIDEO takes 1 or 2 imageUrls');
  if (inferred === 'REFERENCE_2_VIDEO') {
    if (body.model === 'veo3')
      return refusal(422, 'REFERENCE_2_VIDEO is supported by veo3_fast and veo3_lite only');
    if (images.length < 1 || images.length > 3)
      return refusal(422, 'REFERENCE_2_VIDEO takes 1 to 3 imageUrls');
    if ((body.duration ?? 8) !== 8)
      return refusal(422, 'REFERENCE_2_VIDEO makes 8-second videos only');
  }
  return null;
}

/**
 * KIE's Veo 3.1 API on the KIE fake's host, as strict as the real one: `veo/generate` with
 * its enums (capital-A `Auto`, lower-case `4k`, durations 4/6/8), the generation types and
 * their image counts (reference images on Fast and Lite only, 8 s only); `veo/record-info`
 * with `successFlag` (1 can come before the URLs); callbacks shaped as documented, signed as
 * KIE signs; and result files: a real H.264 MP4, or what a test needs instead.
 */
export async function fakeKieVeo(): Promise<FakeKieVeo> {
  const clip = await testClip({ seconds: 2, prompt: 'veo fake' });
  const png = await solidPng(64, 64, '#f0f');
  const state = {
    behaviour: defaults(),
    tasks: new Map<string, FakeVeoTask>(),
    callbackResponses: [] as number[],
  };
  const json = (res: ServerResponse, body: unknown) => sendJson(res, 200, body);
  const resultUrl = (base: string, task: FakeVeoTask) => `${base}/veo-results/${task.id}.mp4`;

  const done = (task: FakeVeoTask) => task.polls > task.behaviour.pollsToFinish;
  const urlsReady = (task: FakeVeoTask) =>
    task.polls > task.behaviour.pollsToFinish + task.behaviour.emptySuccessPolls;

  const record = (base: string, task: FakeVeoTask) => {
    const fail = done(task) ? task.behaviour.fail : undefined;
    const ready = !fail && urlsReady(task);
    return {
      taskId: task.id,
      paramJson: JSON.stringify(task.body),
      completeTime: done(task) ? '2026-12-03 10:30:00' : null,
      createTime: '2026-12-03 10:25:00',
      response: done(task)
        ? {
            taskId: task.id,
            resultUrls: ready ? [resultUrl(base, task)] : [],
            originUrls: ready ? [resultUrl(base, task)] : [],
            resolution: task.body.resolution ?? '720p',
            fullResultUrls: [],
          }
        : null,
      successFlag: fail ? fail.successFlag : done(task) ? 1 : 0,
      errorCode: fail ? fail.errorCode : null,
      errorMessage: fail ? fail.errorMessage : '',
      fallbackFlag: false,
    };
  };

  let apiBase = '';
  const callBack = async (task: FakeVeoTask, times: number) => {
    const base = apiBase;
    const target = task.body.callBackUrl;
    if (typeof target !== 'string') return;
    for (let i = 0; i < times; i++) {
      // The job is finished (URLs filled in) when it calls back.
      task.polls = Math.max(
        task.polls,
        task.behaviour.pollsToFinish + task.behaviour.emptySuccessPolls,
      );
      const fail = task.behaviour.fail;
      const urls = [resultUrl(base, task)];
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (task.behaviour.hmacKey) {
        const timestamp = String(Math.floor(Date.now() / 1000));
        headers['x-webhook-timestamp'] = timestamp;
        headers['x-webhook-signature'] = createHmac('sha256', task.behaviour.hmacKey)
          .update(`${task.id}.${timestamp}`)
          .digest('base64');
      }
      const body = fail
        ? {
            code: 400,
            msg: 'Your prompt was flagged by Website as violating content policies.',
            data: { taskId: task.id, fallbackFlag: false },
          }
        : {
            code: 200,
            msg: 'Veo3.1 video generated successfully.',
            data: {
              taskId: task.id,
              info: {
                resultUrls: task.behaviour.callbackUrlsAsString ? `[${urls.join(',')}]` : urls,
                originUrls: urls,
                resolution: task.body.resolution ?? '720p',
              },
              fallbackFlag: false,
            },
          };
      const response = await fetch(target, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      }).catch(() => undefined);
      state.callbackResponses.push(response?.status ?? 0);
      await new Promise((resolve) => setTimeout(resolve, task.behaviour.callbackDelayMs));
    }
  };

  const generate = async (
    req: IncomingMessage,
    res: ServerResponse,
    base: string,
    fileAt: (url: string) => Buffer | undefined,
  ) => {
    const body = await readJsonObject(req);
    if (!body) return json(res, refusal(422, 'The request body is not JSON'));
    const refused = refuseGenerate(body, fileAt);
    if (refused) return json(res, refused);
    const task: FakeVeoTask = {
      id: `veo_task_${randomBytes(8).toString('hex')}`,
      body,
      polls: 0,
      behaviour: { ...state.behaviour },
      imageHashes: ((body.imageUrls ?? []) as string[]).map((url) => {
        const bytes = fileAt(url);
        return bytes ? createHash('sha256').update(bytes).digest('hex') : null;
      }),
      downloads: 0,
    };
    state.tasks.set(task.id, task);
    if (task.behaviour.callbacks > 0)
      setTimeout(
        () => void callBack(task, task.behaviour.callbacks),
        task.behaviour.callbackDelayMs,
      );
    return json(res, { code: 200, msg: 'success', data: { taskId: task.id } });
  };

  const serveResult = (res: ServerResponse, task: FakeVeoTask) => {
    task.downloads++;
    const result = task.behaviour.result;
    if (result === 'clip') {
      return res
        .writeHead(200, { 'content-type': 'video/mp4', 'content-length': clip.byteLength })
        .end(clip);
    }
    if (result === 'png') return res.writeHead(200, { 'content-type': 'video/mp4' }).end(png);
    // Chunked, no Content-Length: only counting the bytes as they come finds it too large.
    res.writeHead(200, { 'content-type': 'video/mp4' });
    res.write(clip);
    const pad = Buffer.alloc(64 * 1024);
    let left = result.paddedTo - clip.byteLength;
    const more = () => {
      while (left > 0) {
        const chunk = pad.subarray(0, Math.min(pad.byteLength, left));
        left -= chunk.byteLength;
        if (!res.write(chunk)) return void res.once('drain', more);
      }
      res.end();
    };
    res.on('error', () => undefined);
    more();
  };

  const routes: FakeKieRoutes = async (req, res, url, host) => {
    apiBase = host.base;
    const file = /^\/veo-results\/(veo_task_[0-9a-f]+)\.mp4$/.exec(url.pathname);
    if (req.method === 'GET' && file) {
      const task = state.tasks.get(file[1] ?? '');
      if (!task || !urlsReady(task)) res.writeHead(404).end();
      else serveResult(res, task);
      return true;
    }
    if (!url.pathname.startsWith('/api/v1/veo/')) return false;
    if (!host.authorized(req, res)) return true;
    if (req.method === 'POST' && url.pathname === '/api/v1/veo/generate') {
      await generate(req, res, host.base, host.fileAt);
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/api/v1/veo/record-info') {
      const taskId = url.searchParams.get('taskId');
      const task = taskId ? state.tasks.get(taskId) : undefined;
      if (!task) json(res, refusal(422, 'Record not found: records are kept for 14 days'));
      else {
        task.polls++;
        json(res, { code: 200, msg: 'success', data: record(host.base, task) });
      }
      return true;
    }
    sendJson(res, 404, { code: 404, msg: 'not found' });
    return true;
  };

  return {
    ...state,
    routes,
    clip,
    callBack: async (taskId) => {
      const task = state.tasks.get(taskId);
      if (!task) throw new Error(`no Veo task ${taskId}`);
      await callBack(task, 1);
    },
    reset: () => {
      Object.assign(state.behaviour, defaults());
      delete state.behaviour.fail;
      delete state.behaviour.hmacKey;
      state.callbackResponses.length = 0;
    },
  };
}
