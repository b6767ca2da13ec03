import type { ReactNode } from 'react';
import { card } from './settings-styles';

/** A settings section: a card headed by its name, which also names it for assistive tech. */
export function SettingsCard({
  id,
  heading,
  className = card,
  children,
}: {
  /** Unique on the page; the heading's id is `<id>-heading`. */
  id: string;
  heading: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className={className}>
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {heading}
      </h2>
      {children}
    </section>
  );
}
