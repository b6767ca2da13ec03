import type { GenhubClient } from '../src';

/** A variation instruction as seed 004 writes one. */
export const variation = (description: string) => ({
  description,
  keep_consistent: ['the layout'],
  change_elements: ['the colours'],
});

/** A generated image, uploaded back as a reference. */
export async function referenceImage(genhub: GenhubClient) {
  const made = await genhub.generate({ prompt: 'a reference' });
  const image = made.generations[0];
  if (!image) throw new Error('no image');
  return genhub.upload(await genhub.download(image), { filename: 'reference.png' });
}
