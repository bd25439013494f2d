import { useState } from 'react';
import { ComparePanel } from '../compare/ComparePanel.tsx';
import { ExportPanel } from '../export/ExportPanel.tsx';
import { ProfileTable } from '../profile/ProfileTable.tsx';
import { RebalancePanel } from '../rebalance/RebalancePanel.tsx';
import { ReportPanel } from '../report/ReportPanel.tsx';
import { ErrorMessage, Notices } from '../shared/ErrorMessage.tsx';
import { BackendBadge } from '../train/BackendBadge.tsx';
import { TrainPanel } from '../train/TrainPanel.tsx';
import { DEMO_NAME, DEMO_URL, UploadPanel } from '../upload/UploadPanel.tsx';
import { isTraining } from './session-state.ts';
import { parseUrlParams } from './url-params.ts';
import { useSession } from './use-worker.ts';

/** Read once per page load: `?backend=` and `?seed=` (DESIGN.md public interface). */
const URL_PARAMS = parseUrlParams(window.location.search);
/** Without `?seed=`, a fresh seed per page load (shown in the form, so a run can be repeated). */
const INITIAL_SEED = URL_PARAMS.seed ?? Math.floor(Math.random() * 0x7fffffff);

type LowerTab = 'report' | 'rebalance' | 'compare';

const TABS: readonly { id: LowerTab; label: string }[] = [
  { id: 'report', label: 'Report' },
  { id: 'rebalance', label: 'Rebalance' },
  { id: 'compare', label: 'Compare' },
];

/** A padlock drawn inline (emoji fonts are missing on some systems). */
function LockIcon() {
  return (
    <svg width="12" height="14" viewBox="0 0 12 14" aria-hidden="true" className="lock">
      <rect x="1" y="6" width="10" height="7.5" rx="1.5" fill="currentColor" />
      <path d="M3.5 6V4a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

/** The single page: header, then the three steps (Data, Train, Export) and the Report / Rebalance / Compare tabs. */
export function App() {
  const [state, actions] = useSession();
  const [tab, setTab] = useState<LowerTab>('report');
  // Mounted on first visit, then kept (hidden) so a comparison's results survive switching tabs.
  const [compareOpened, setCompareOpened] = useState(false);
  const openTab = (t: LowerTab) => {
    setTab(t);
    if (t === 'compare') setCompareOpened(true);
  };
  const training = isTraining(state.train.status);
  const notices = [...URL_PARAMS.warnings, ...state.notices];
  const steps = [
    { id: 'data', label: '1 Data', done: state.dataset !== null },
    { id: 'train', label: '2 Train', done: state.modelReady },
    { id: 'export', label: '3 Export', done: state.export.status === 'done' },
  ];
  return (
    <>
      <header className="app-header">
        <div className="brand">
          <h1>Synthtab</h1>
          <p className="tagline">Synthetic tables, trained on your own GPU.</p>
        </div>
        <p className="privacy" title="Parsing, training and sampling run in a worker on this page. Nothing is uploaded.">
          <LockIcon /> Your data never leaves this machine.
        </p>
        <BackendBadge backend={state.backend} forced={URL_PARAMS.backend} />
      </header>
      <nav className="stepper" aria-label="Steps">
        {steps.map((s) => (
          <a key={s.id} href={`#${s.id}`} className={s.done ? 'step done' : 'step'}>
            {s.label}
            {s.done && <span aria-label="done"> ✓</span>}
          </a>
        ))}
        <a href="#evaluate" className="step">
          Report · Rebalance · Compare
        </a>
      </nav>
      <main className="app-main">
        <ErrorMessage error={state.error} onDismiss={actions.dismissError} />
        <Notices items={notices} />

        <section id="data" className="panel" aria-labelledby="data-title">
          <h2 id="data-title">1 · Data</h2>
          <UploadPanel
            dataset={state.dataset}
            load={state.load}
            onFile={(file) => actions.loadFile(file, file.name)}
            onDemo={() => void actions.loadUrl(`${import.meta.env.BASE_URL}${DEMO_URL}`, DEMO_NAME)}
          />
          {state.dataset && <ProfileTable profile={state.dataset.profile} plan={state.plan} disabled={training} onEdit={actions.editPlan} />}
        </section>

        <section id="train" className="panel" aria-labelledby="train-title">
          <h2 id="train-title">2 · Train</h2>
          <TrainPanel state={state} actions={actions} url={URL_PARAMS} initialSeed={INITIAL_SEED} />
        </section>

        <section id="export" className="panel" aria-labelledby="export-title">
          <h2 id="export-title">3 · Export</h2>
          <ExportPanel state={state} actions={actions} seed={URL_PARAMS.seed} />
        </section>

        <section id="evaluate" className="panel" aria-label="Report, rebalance and compare">
          <div className="tabs" role="tablist">
            {TABS.map((t) => (
              <button key={t.id} type="button" role="tab" data-testid={`tab-${t.id}`} aria-selected={tab === t.id} className={tab === t.id ? 'tab active' : 'tab'} onClick={() => openTab(t.id)}>
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel">
            {tab === 'report' && <ReportPanel state={state} actions={actions} />}
            {tab === 'rebalance' && <RebalancePanel state={state} actions={actions} url={URL_PARAMS} initialSeed={INITIAL_SEED} />}
            {/* The compare panel keeps its own state from its request's events (the worker still owns every tensor). */}
            <div hidden={tab !== 'compare'}>{compareOpened && <ComparePanel profile={state.dataset?.profile ?? null} request={actions.request} initialSeed={INITIAL_SEED} />}</div>
          </div>
        </section>
      </main>
      <footer className="app-footer muted small">
        CTGAN (Xu et al., 2019) in TensorFlow.js · runs offline · the reference is sdv-dev/CTGAN
      </footer>
    </>
  );
}
