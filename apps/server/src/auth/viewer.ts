export type { Viewer } from '@genhub/api';
