export { createTask } from './create-task';
export { getTask } from './get-task';
export { listTasks } from './list-tasks';
export { cancelTask } from './cancel-task';
export { retryTask } from './retry-task';
export { setPriority } from './set-priority';
export { transitionTask, type Transition } from './transition-task';
export { recordTaskChange, type TaskChange } from './record-task-change';
export { loadTask, loadTasks } from './load-task';
