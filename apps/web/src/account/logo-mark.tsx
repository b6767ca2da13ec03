/** The banana mark beside the app's name. */
export function LogoMark({ className }: { className: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className={`fill-amber-400 ${className}`}>
      <path d="M4 15c5 4 12 2 15-6 .4-1 .9-2 2-2-.3 9-8 15-16 11-1-.5-1.4-2-1-3z" />
    </svg>
  );
}
