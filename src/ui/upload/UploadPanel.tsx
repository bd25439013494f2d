import { useState } from 'react';
import type { DragEvent } from 'react';
import type { DatasetState, ProgressState } from '../app/session-state.ts';
import { formatCount } from '../shared/format.ts';
import { ProgressBar } from '../shared/ProgressBar.tsx';

/** Where the demo dataset is served from (public/demo, see its README). */
export const DEMO_URL = 'demo/adult.csv';
export const DEMO_NAME = 'adult.csv';

interface Props {
  dataset: DatasetState | null;
  load: { name: string; progress: ProgressState | null } | null;
  onFile: (file: File) => void;
  onDemo: () => void;
}

/**
 * Step 1: pick a CSV (file input `csv-input`, or drop it on the zone) or load the demo
 * (`demo-button`). The file goes to the worker untouched; parsing happens there.
 */
export function UploadPanel({ dataset, load, onFile, onDemo }: Props) {
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div className="upload">
      <label
        className={dragging ? 'dropzone dragging' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <input
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          data-testid="csv-input"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) onFile(file);
            // Let the same file be picked again after an error.
            e.currentTarget.value = '';
          }}
        />
        <strong>Drop a CSV file here</strong>
        <span className="muted">or click to choose one. It is read on this machine only.</span>
      </label>
      <div className="upload-side">
        <button type="button" className="button" data-testid="demo-button" onClick={onDemo} disabled={load !== null}>
          Try the demo (Adult census)
        </button>
        <p className="muted small">A sample of the UCI Adult census table: 15 columns, mixed numbers and categories.</p>
      </div>
      {load && (
        <ProgressBar
          testId="load-progress"
          label={`Reading ${load.name}${load.progress?.message ? `: ${load.progress.message}` : ''}`}
          done={load.progress?.done ?? 0}
          total={load.progress?.total ?? 0}
          etaSeconds={load.progress?.etaSeconds}
        />
      )}
      {dataset && !load && (
        <div className="dataset-summary" data-testid="dataset-summary">
          <strong>{dataset.name}</strong>: {formatCount(dataset.profile.rows)} rows, {dataset.profile.columns.length} columns
          {dataset.warnings.length > 0 && (
            <ul className="warnings" data-testid="load-warnings">
              {dataset.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
