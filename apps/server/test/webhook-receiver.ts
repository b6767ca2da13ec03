import { listen } from './fake-http';

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  /** The raw body, as it must be verified. */
  body: string;
}

/**
 * A webhook receiver on 127.0.0.1: keeps every request, and answers each path with the
 * statuses queued for it (then 200).
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const answers = new Map<string, number[]>();
  const server = await listen(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = req.url ?? '/';
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers[name] = value;
    }
    received.push({ path, headers, body: Buffer.concat(chunks).toString('utf8') });
    const status = answers.get(path)?.shift() ?? 200;
    res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
  });
  return {
    url: server.url,
    /** `127.0.0.1:port`, for WEBHOOK_ALLOW_HOSTS. */
    host: new URL(server.url).host,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    /** The next answers of `path`, in order. */
    answer: (path: string, ...statuses: number[]) => answers.set(path, statuses),
    close: () => server.close(),
  };
}
