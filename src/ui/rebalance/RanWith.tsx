import { useRef, useState } from 'react';
import type { RebalanceResult } from '../../core/rebalance/lab.ts';
import { downloadBlob } from '../export/download.ts';
import { rebalanceCliCommand, requestJson, type RebalanceRequestBody } from './cli-command.ts';

interface Props {
  request: RebalanceRequestBody;
  /** The loaded file's name (the CLI command's CSV argument). */
  fileName: string;
  result: RebalanceResult | null;
}

/** Select the text of `el` (the fallback when the clipboard API is not available, e.g. plain http). */
function selectText(el: HTMLElement | null): void {
  if (!el) return;
  const range = document.createRange();
  range.selectNodeContents(el);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}

/**
 * How to reproduce a lab run: the request it ran with (JSON), the same run as a CLI command
 * (`rebalance-cli`), and the result as the CLI's `--json` document (`rebalance-download-json`).
 */
export function RanWith({ request, fileName, result }: Props) {
  const command = rebalanceCliCommand(request, fileName);
  const codeRef = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<'copied' | 'selected' | null>(null);
  const copy = () => {
    const clip = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clip) {
      selectText(codeRef.current);
      setCopied('selected');
      return;
    }
    clip.writeText(command).then(
      () => setCopied('copied'),
      () => {
        selectText(codeRef.current);
        setCopied('selected');
      },
    );
  };
  const downloadJson = () => {
    if (!result) return;
    const base = fileName.replace(/\.csv$/i, '');
    downloadBlob(new Blob([JSON.stringify(result, null, 2) + '\n'], { type: 'application/json' }), `${base}-rebalance-seed${result.seeds[0]}.json`);
  };
  return (
    <details className="ran-with" open>
      <summary>Reproduce this run</summary>
      <p className="muted small">
        Copy as CLI command (run it in the folder that holds {fileName}; the demo file is public/demo/adult.csv in the repository). The CLI runs the same
        lab code with the same seed, so it prints the same numbers for every method except ctgan: CTGAN trains with TensorFlow.js on this page's backend
        and on Node's in the CLI, and the backends round floats differently, so its rows (and scores) differ slightly.
      </p>
      <div className="button-row">
        <code ref={codeRef} data-testid="rebalance-cli" style={{ userSelect: 'all', wordBreak: 'break-all' }}>
          {command}
        </code>
        <button type="button" className="button secondary" onClick={copy}>
          {copied === 'copied' ? 'Copied' : copied === 'selected' ? 'Selected: press Ctrl+C' : 'Copy as CLI command'}
        </button>
        {result && (
          <button type="button" className="button secondary" data-testid="rebalance-download-json" onClick={downloadJson}>
            Download results JSON
          </button>
        )}
      </div>
      <pre className="small" data-testid="rebalance-request-json">
        {requestJson(request)}
      </pre>
    </details>
  );
}
