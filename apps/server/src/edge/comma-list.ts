import { z } from 'zod';

/** A comma-separated env variable whose every entry `parse` must accept, as the parsed values. */
export function commaList(parse: (entry: string) => string | null, expected: string) {
  return z
    .string()
    .default('')
    .transform((text, ctx) => {
      const values: string[] = [];
      for (const entry of text
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean)) {
        const value = parse(entry);
        if (value === null) {
          ctx.addIssue({ code: 'custom', message: `"${entry}" is not ${expected}` });
          return z.NEVER;
        }
        values.push(value);
      }
      return values;
    });
}
