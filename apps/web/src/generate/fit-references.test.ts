import { describe, expect, it } from 'vitest';
import { referenceLimit } from '@genhub/core/schemas';
import { fitReferences } from './fit-references';

const refs = (...ids: string[]) => ids.map((id) => ({ id }));
const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('fitReferences', () => {
  it('keeps the first ones that fit and sets the rest aside', () => {
    const fitted = fitReferences(refs('a', 'b', 'c'), [], referenceLimit('enhance').max);
    expect(ids(fitted.kept)).toEqual(['a']);
    expect(ids(fitted.setAside)).toEqual(['b', 'c']);
    expect(fitted.change).toEqual({ kind: 'set-aside', kept: 1, count: 2 });
  });

  it('sets everything aside for a mode that takes no images', () => {
    const fitted = fitReferences(refs('a', 'b'), [], referenceLimit('generate').max);
    expect(fitted.kept).toEqual([]);
    expect(fitted.change).toEqual({ kind: 'set-aside', kept: 0, count: 2 });
  });

  it('brings back what was set aside when the next mode has room, in order', () => {
    const toEnhance = fitReferences(refs('a', 'b', 'c'), [], referenceLimit('enhance').max);
    const back = fitReferences(toEnhance.kept, toEnhance.setAside, referenceLimit('edit').max);
    expect(ids(back.kept)).toEqual(['a', 'b', 'c']);
    expect(back.setAside).toEqual([]);
    expect(back.change).toEqual({ kind: 'restored', count: 2 });
  });

  it('brings back only as many as fit', () => {
    const fitted = fitReferences(refs('a'), refs('b', 'c'), referenceLimit('style-transfer').max);
    expect(ids(fitted.kept)).toEqual(['a', 'b']);
    expect(ids(fitted.setAside)).toEqual(['c']);
    expect(fitted.change).toEqual({ kind: 'restored', count: 1 });
  });

  it('says nothing when everything fits and nothing waits', () => {
    const fitted = fitReferences(refs('a', 'b'), [], referenceLimit('edit').max);
    expect(ids(fitted.kept)).toEqual(['a', 'b']);
    expect(fitted.change).toBeNull();
  });

  it('does not count an image twice when it is both chosen and set aside', () => {
    const fitted = fitReferences(refs('a'), refs('a', 'b'), referenceLimit('edit').max);
    expect(ids(fitted.kept)).toEqual(['a', 'b']);
    expect(fitted.change).toEqual({ kind: 'restored', count: 1 });
  });

  it('narrows to two frames when a video reads frames', () => {
    const max = referenceLimit('image-to-video', { videoMode: 'frames' }).max;
    const fitted = fitReferences(refs('a', 'b', 'c'), [], max);
    expect(fitted.change).toEqual({ kind: 'set-aside', kept: 2, count: 1 });
  });
});
