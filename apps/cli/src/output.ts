import { styleText } from 'node:util';
import type { TextStream } from './session';

type Style = 'green' | 'red' | 'yellow' | 'dim' | 'bold';

/**
 * Where results go. On a terminal: text for people. Piped: one JSON object a line and nothing
 * decorative, so `jq` and scripts can read every line.
 */
export interface Output {
  readonly tty: boolean;
  readonly stream: TextStream;
  /** A result or event: a JSON line when piped; `human` (if any) on a terminal. */
  emit(json: object, human?: string): void;
  /** Text for a terminal only. */
  say(text: string): void;
  /** `text` in a colour on a terminal that takes colour; as is elsewhere. */
  paint(style: Style, text: string): string;
}

export function createOutput(
  stream: TextStream,
  options: { json: boolean; color: boolean },
): Output {
  const tty = Boolean(stream.isTTY) && !options.json;
  const color = tty && options.color;
  return {
    tty,
    stream,
    emit(json, human) {
      if (!tty) stream.write(`${JSON.stringify(json)}\n`);
      else if (human !== undefined) stream.write(`${human}\n`);
    },
    say(text) {
      if (tty) stream.write(`${text}\n`);
    },
    paint: (style, text) => (color ? styleText(style, text) : text),
  };
}
