/** The one place errors are shown (test id `error-message`): a one-line message and a dismiss button. */
export function ErrorMessage({ error, onDismiss }: { error: { code: string; message: string } | null; onDismiss: () => void }) {
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <span data-testid="error-message" data-code={error.code}>
        {error.message}
      </span>
      <button type="button" className="link-button" onClick={onDismiss} aria-label="Dismiss the error">
        Dismiss
      </button>
    </div>
  );
}

/** Warnings and notices (non-UTF-8 input, backend fallbacks, ignored URL parameters). */
export function Notices({ items }: { items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="banner banner-notice" data-testid="notices">
      {items.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}
