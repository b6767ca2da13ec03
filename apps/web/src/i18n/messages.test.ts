import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

const leaves = (obj: object, prefix = ''): [string, string][] =>
  Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string'
      ? [[prefix + k, v] as [string, string]]
      : leaves(v as object, `${prefix}${k}.`),
  );

describe('UI text', () => {
  it('has every English key in Chinese, with the same placeholders', () => {
    const zh = new Map(leaves(zhCN));
    for (const [key, text] of leaves(en)) {
      const translated = zh.get(key);
      expect(translated, key).toBeTruthy();
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(vars(translated ?? ''), key).toEqual(vars(text));
    }
  });
});
