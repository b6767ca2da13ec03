export { listGallery } from './list-gallery';
export { exportEntries } from './export-entries';
export { seedGallery } from './seed-gallery';
export { starTasks } from './star-tasks';
export { trashTasks } from './trash-tasks';
export { restoreTasks } from './restore-tasks';
export { emptyTrash } from './empty-trash';
export {
  createCollection,
  deleteCollection,
  listCollections,
  renameCollection,
  setInCollection,
} from './collections';
