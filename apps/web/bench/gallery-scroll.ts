/**
 * The gallery's scrolling with 10,000 generations, in Debian's Chromium: a scripted scroll
 * through the virtual grid for five seconds while a performance trace records. Reports the
 * frames drawn and dropped (from the trace's frame reporter) and, from requestAnimationFrame,
 * the frames that took longer than two 60 Hz intervals. Run with `pnpm bench` from the root.
 */
import { spawnServer } from '@genhub/server/testing';
import { launchBrowser, signInContext } from '../e2e/browser';

interface TraceEvent {
  name: string;
  ph?: string;
  dur?: number;
  tid?: number;
  args?: { frame_reporter?: { state?: string }; name?: string };
}

/** Main-thread work by kind, in milliseconds, from the trace's complete events. */
const workKinds: Record<string, string[]> = {
  script: ['FunctionCall', 'EvaluateScript', 'RunMicrotasks'],
  'style+layout': ['UpdateLayoutTree', 'Layout'],
  paint: ['PrePaint', 'Paint', 'Layerize', 'UpdateLayer'],
  decode: ['Decode Image', 'ImageDecodeTask'],
};

// Seeded before the first admin exists, so the 10,000 are theirs.
const app = await spawnServer({}, [], { seedGallery: 10_000 });
const browser = await launchBrowser();
try {
  if (!app.admin) throw new Error('the server was started without its admin');
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signInContext(page, app.url, { ...app.admin, name: 'Test admin' });
  await page.goto(app.url);
  await page.getByTestId('task-tile').first().waitFor();
  await page.waitForTimeout(500);
  await browser.startTracing(page, {
    categories: ['benchmark', 'devtools.timeline', 'disabled-by-default-devtools.timeline.frame'],
  });
  // A string, not a function: the TypeScript loader would add helpers the page does not have.
  const frames = await page.evaluate<{ intervals: number[]; maxTiles: number; scrolled: number }>(`
    new Promise((resolve) => {
      const intervals = [];
      let maxTiles = 0;
      let last = performance.now();
      const end = last + 5000;
      const step = (now) => {
        intervals.push(now - last);
        last = now;
        window.scrollBy(0, 40);
        maxTiles = Math.max(maxTiles, document.querySelectorAll('[data-testid="task-tile"]').length);
        if (now < end) requestAnimationFrame(step);
        else resolve({ intervals, maxTiles, scrolled: window.scrollY });
      };
      requestAnimationFrame(step);
    })
  `);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  const states = trace.traceEvents
    .filter((e) => e.name === 'PipelineReporter')
    .map((e) => e.args?.frame_reporter?.state)
    .filter((s): s is string => typeof s === 'string');
  // Frames the compositor meant to show: presented (all or partly) or dropped.
  const wanted = states.filter((s) => s !== 'STATE_NO_UPDATE_DESIRED');
  const dropped = wanted.filter((s) => s === 'STATE_DROPPED').length;
  const mainThreads = new Set(
    trace.traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => e.tid),
  );
  const work = Object.entries(workKinds).map(([kind, names]) => {
    const ms = trace.traceEvents
      .filter(
        (e) =>
          e.ph === 'X' && names.includes(e.name) && (kind === 'decode' || mainThreads.has(e.tid)),
      )
      .reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
    return `${kind} ${Math.round(ms)} ms`;
  });
  const long = frames.intervals.filter((ms) => ms > 2 * (1000 / 60)).length;
  const fps = (frames.intervals.length / 5).toFixed(1);
  console.log(
    `gallery scroll, 10,000 items: ${frames.intervals.length} frames in 5 s (${fps} fps), ` +
      `${long} longer than 33 ms, scrolled ${frames.scrolled} px; main thread: ${work.join(', ')}; ` +
      `trace: ${wanted.length} frames, ${dropped} dropped; at most ${frames.maxTiles} tiles in the DOM`,
  );
} finally {
  await browser.close();
  await app.stop();
}
