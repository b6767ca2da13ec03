import type { Output } from './output';

export type RowState = 'running' | 'ok' | 'failed';

/** A function is called at every redraw, so elapsed times keep counting. */
export type RowText = string | (() => string);

interface Row {
  text: RowText;
  state: RowState;
}

/** Live rows on a terminal, redrawn in place. */
export interface Board {
  set(key: string, text: RowText, state?: RowState): void;
  /** The last drawing stays on screen; the cursor ends below it. Later calls do nothing. */
  stop(): void;
}

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const frameMs = 100;

/** Rows longer than the terminal would wrap and break the count of lines to redraw. */
function fit(text: string, columns: number | undefined): string {
  const width = Math.max(20, (columns || 120) - 1);
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

export function createBoard(out: Output): Board {
  const rows = new Map<string, Row>();
  let drawn = 0;
  let frame = 0;
  let stopped = false;
  const glyph = (state: RowState) =>
    state === 'ok'
      ? out.paint('green', '✔')
      : state === 'failed'
        ? out.paint('red', '✖')
        : out.paint('yellow', frames[frame % frames.length] ?? '-');
  const draw = () => {
    let text = drawn > 0 ? `\x1b[${drawn}A` : '';
    for (const row of rows.values()) {
      text += `\r\x1b[2K${glyph(row.state)} ${fit(typeof row.text === 'string' ? row.text : row.text(), out.stream.columns)}\n`;
    }
    drawn = rows.size;
    out.stream.write(text);
  };
  const timer = setInterval(() => {
    frame += 1;
    if ([...rows.values()].some((row) => row.state === 'running')) draw();
  }, frameMs);
  timer.unref();
  return {
    set(key, text, state = 'running') {
      if (stopped) return;
      rows.set(key, { text, state });
      draw();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      if (rows.size > 0) draw();
    },
  };
}
