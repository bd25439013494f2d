import type { BackendInfo } from '../app/session-state.ts';
import type { BackendName } from '../../worker/protocol.ts';

/**
 * The backend badge (test id `backend-badge`): its text is exactly the backend name, so tests and
 * users read one word; the adapter and the reason for the choice are the tooltip and second line.
 * Before the worker has chosen, it shows the forced backend (from `?backend=`) or "auto".
 */
export function BackendBadge({ backend, forced }: { backend: BackendInfo | null; forced: BackendName | 'auto' }) {
  const title = backend ? `${backend.adapter}: ${backend.reason}` : forced === 'auto' ? 'Chosen when training starts: a hardware GPU if there is one, else WebAssembly.' : `Forced by ?backend=${forced}.`;
  return (
    <div className="backend">
      <span className={`badge badge-${backend?.backend ?? 'pending'}`} data-testid="backend-badge" title={title}>
        {backend?.backend ?? (forced === 'auto' ? 'auto' : forced)}
      </span>
      <span className="backend-detail muted" title={title}>
        {backend
          ? `${backend.adapter}${backend.fallbackFrom ? ` (fell back from ${backend.fallbackFrom})` : ''}`
          : forced === 'auto'
            ? 'backend chosen at training'
            : `forced by ?backend=${forced}`}
      </span>
    </div>
  );
}
