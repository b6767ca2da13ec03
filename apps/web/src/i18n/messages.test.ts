import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

const leaves = (obj: object, prefix = ''): [string, string][] =>
  Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string'
      ? [[prefix + k, v] as [string, string]]
      : leaves(v as object, `${prefix}${k}.`),
  );

const locales = { en: new Map(leaves(en)), 'zh-CN': new Map(leaves(zhCN)) };
const vars = (s: string) => [
  ...new Set([...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '')),
];

const src = join(fileURLToPath(import.meta.url), '../..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && path !== fileURLToPath(import.meta.url) ? [path] : [];
  });

/** The text of a call's arguments after the key, up to its closing parenthesis. */
function restOfCall(code: string, from: number): string {
  let depth = 1;
  for (let i = from; i < code.length; i++) {
    const c = code[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    if (depth === 0) return code.slice(from, i);
  }
  return code.slice(from);
}

interface Call {
  at: string;
  key: string;
  /** The arguments after the key, e.g. `, { seconds }` (empty when there are none). */
  rest: string;
}

/** Every `t('…')`, `t("…")` and `` t(`…`) `` in the SPA's sources. */
const calls: { fixed: Call[]; templated: Call[] } = { fixed: [], templated: [] };
for (const file of sources(src)) {
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/\bt\(\s*(['"`])((?:(?!\1)[^\\\n])*)\1/g)) {
    const line = code.slice(0, m.index).split('\n').length;
    const call = {
      at: `${relative(src, file)}:${line}`,
      key: m[2] ?? '',
      rest: restOfCall(code, m.index + m[0].length).trim(),
    };
    (m[1] === '`' && call.key.includes('${') ? calls.templated : calls.fixed).push(call);
  }
}

/** Whether a call's options name a placeholder (`{ seconds }`, `{ seconds: n }`, `{ ...numbers }`). */
const fills = (rest: string, name: string) =>
  (rest !== '' && !/^,\s*\{/.test(rest)) || // options in a variable: not checked here
  rest.includes('...') ||
  new RegExp(`[{,]\\s*${name}\\s*[:,}]`).test(rest);

describe('UI text', () => {
  it('has the same keys in English and Chinese, none empty', () => {
    const [english, chinese] = [[...locales.en.keys()], [...locales['zh-CN'].keys()]];
    expect(
      chinese.filter((k) => !locales.en.has(k)),
      'only in zh-CN',
    ).toEqual([]);
    expect(
      english.filter((k) => !locales['zh-CN'].has(k)),
      'only in en',
    ).toEqual([]);
    for (const [name, texts] of Object.entries(locales))
      for (const [key, text] of texts) expect(text.trim(), `${name} ${key}`).not.toBe('');
  });

  it('has the same placeholders in both languages', () => {
    for (const [key, text] of locales.en) {
      const translated = locales['zh-CN'].get(key) ?? '';
      expect(vars(translated).sort(), key).toEqual(vars(text).sort());
    }
  });

  it('finds the calls it checks', () => {
    expect(calls.fixed.length).toBeGreaterThan(100);
    expect(calls.templated.length).toBeGreaterThan(10);
  });

  it('has every key the sources use, in both languages', () => {
    const missing = calls.fixed.flatMap(({ at, key }) =>
      Object.entries(locales)
        .filter(([, texts]) => !texts.has(key))
        .map(([name]) => `${at} ${key} (${name})`),
    );
    expect(missing).toEqual([]);
  });

  it('fills every placeholder of the keys the sources use', () => {
    const unfilled = calls.fixed.flatMap(({ at, key, rest }) =>
      vars(locales.en.get(key) ?? '')
        .filter((name) => !fills(rest, name))
        .map((name) => `${at} ${key} needs {{${name}}}`),
    );
    expect(unfilled).toEqual([]);
  });

  it('has keys under every prefix a built key starts with', () => {
    // `t(`plan.status.${s}`)` cannot be checked key by key; at least its group must exist.
    const missing = calls.templated.flatMap(({ at, key }) => {
      const prefix = key.slice(0, key.indexOf('${'));
      return Object.entries(locales)
        .filter(([, texts]) => ![...texts.keys()].some((k) => k.startsWith(prefix)))
        .map(([name]) => `${at} ${key} (${name})`);
    });
    expect(missing).toEqual([]);
  });
});
