type SpinnerProps = { label: string };

/** A polite loading indicator: screen readers hear `label`, everyone sees it. */
export function Spinner({ label }: SpinnerProps) {
  return (
    <div className="spinner" role="status" aria-live="polite">
      <span className="spinner__wheel" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
