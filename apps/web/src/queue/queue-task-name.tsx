/** A queue row's name (truncated, whole on hover) and its list price, if it has one. */
export function QueueTaskName({ label, price }: { label: string; price: string | null }) {
  return (
    <>
      <span data-testid="queue-task-label" className="min-w-0 flex-1 truncate" title={label}>
        {label}
      </span>
      {price && (
        <span
          data-testid="queue-task-price"
          className="whitespace-nowrap text-stone-600 dark:text-stone-400"
        >
          {price}
        </span>
      )}
    </>
  );
}
