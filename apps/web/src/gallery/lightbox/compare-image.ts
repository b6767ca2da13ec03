/** One side of a comparison: an image and what to call it ("Before", "Step 2"). */
export interface CompareImage {
  url: string;
  label: string;
}

export type CompareMode = 'slider' | 'side';
