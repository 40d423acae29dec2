/** Shown while data loads. `role="status"` lets screen readers announce it without moving focus. */
export function LoadingState({ label }: { label: string }) {
  return (
    <p role="status" className="py-8 text-slate-600 dark:text-slate-400">
      {label}
    </p>
  );
}
