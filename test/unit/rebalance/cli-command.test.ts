// The panel's "Copy as CLI command" text, its form checks, and the session's record of a run.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REBALANCE_METHODS } from '../../../src/core/rebalance/lab.ts';
import { rebalanceCliArgs, rebalanceCliCommand, requestJson, shellQuote, type RebalanceRequestBody } from '../../../src/ui/rebalance/cli-command.ts';
import { defaultLabForm, formFromRequest, labRequest, toggleMethod } from '../../../src/ui/rebalance/lab-form.ts';
import { applyEvent, applyRequest } from '../../../src/ui/app/session-reducer.ts';
import { INITIAL_SESSION } from '../../../src/ui/app/session-state.ts';

const exec = promisify(execFile);

/** Let a real POSIX shell split `command` into words (NUL-separated by printf). */
async function shellWords(command: string): Promise<string[]> {
  const { stdout } = await exec('sh', ['-c', `printf '%s\\0' ${command}`]);
  return stdout.split('\0').slice(0, -1);
}

describe('rebalance CLI command', () => {
  it('writes the example of the issue: defaults left out, seed and epochs kept', () => {
    const request: RebalanceRequestBody = { target: 'income', seed: 0, seeds: 1, ratio: 1, methods: [...REBALANCE_METHODS], classifier: 'logistic', epochs: 5 };
    expect(rebalanceCliCommand(request, 'adult.csv')).toBe('npm run synthtab -- rebalance adult.csv --target income --seed 0 --epochs 5 --json');
  });

  it('names every non-default option, methods in the lab order, no --epochs without ctgan', () => {
    const request: RebalanceRequestBody = {
      target: 'label',
      minority: 'fraud',
      holdout: 0.3,
      seed: 12,
      seeds: 3,
      ratio: 0.5,
      methods: ['smote', 'baseline'],
      classifier: 'gbdt',
      epochs: 7,
      trainMinorityShare: 0.05,
    };
    expect(rebalanceCliArgs(request, 'toy.csv')).toEqual([
      'toy.csv', '--target', 'label', '--minority', 'fraud', '--holdout', '0.3', '--ratio', '0.5', '--classifier', 'gbdt',
      '--train-minority-share', '0.05', '--methods', 'baseline,smote', '--seed', '12', '--seeds', '3', '--json',
    ]);
  });

  it('quotes for a real shell: spaces, quotes, $, and values that start with a dash', async () => {
    const request: RebalanceRequestBody = { target: "it's $HOME", minority: ' >50K', seed: 0, methods: ['baseline'] };
    const withDash: RebalanceRequestBody = { target: 'y', minority: '-1', seed: 3, methods: ['baseline', 'ctgan'], epochs: 2 };
    for (const [req, file] of [[request, 'my data (v2).csv'], [withDash, 'a;b.csv']] as const) {
      const words = await shellWords(rebalanceCliCommand(req, file).replace(/^npm run synthtab -- /, ''));
      expect(words).toEqual(['rebalance', ...rebalanceCliArgs(req, file)]);
    }
    expect(rebalanceCliArgs(withDash, 'x.csv')).toContain('--minority=-1');
    expect(rebalanceCliArgs(request, 'x.csv').slice(3, 5)).toEqual(['--minority', ' >50K']);
    expect(shellQuote('plain-word_1.csv')).toBe('plain-word_1.csv');
    expect(shellQuote('')).toBe("''");
  });

  it('shows the request JSON without the protocol tag', () => {
    const json = JSON.parse(requestJson({ type: 'rebalance', target: 'y', seed: 4 } as RebalanceRequestBody)) as Record<string, unknown>;
    expect(json).toEqual({ target: 'y', seed: 4 });
  });
});

describe('rebalance form', () => {
  const form = defaultLabForm(9);

  it('builds the request: seed, seeds, ratio, methods; epochs and ?backend= only with ctgan', () => {
    const all = labRequest(form, 'income', 'wasm');
    expect(all).toEqual({
      request: { target: 'income', seed: 9, seeds: 1, ratio: 1, methods: [...REBALANCE_METHODS], classifier: 'logistic', epochs: 10, backend: 'wasm' },
    });
    const noGan = labRequest({ ...form, methods: ['smote'], epochs: 'x', minority: 'no' }, 'y', 'wasm');
    expect(noGan).toEqual({ request: { target: 'y', minority: 'no', seed: 9, seeds: 1, ratio: 1, methods: ['smote'], classifier: 'logistic' } });
    expect(labRequest(form, 'y', 'auto')).toMatchObject({ request: { epochs: 10 } });
    expect('backend' in (labRequest(form, 'y', 'auto') as { request: object }).request).toBe(false);
  });

  it('rejects bad fields with one line each', () => {
    const bad: [Partial<typeof form>, RegExp][] = [
      [{ seeds: '0' }, /Seeds must be a whole number from 1 to 5/],
      [{ seeds: '6' }, /from 1 to 5/],
      [{ seeds: '2.5' }, /Seeds/],
      [{ seed: '-1' }, /seed must be a whole number/],
      [{ seed: '1.5' }, /seed/],
      [{ seed: '4294967296' }, /seed/],
      [{ seed: '4294967295', seeds: '2' }, /go past 4294967295/],
      [{ ratio: '0' }, /Ratio must be in \(0, 1\]/],
      [{ ratio: '1.5' }, /Ratio/],
      [{ ratio: '' }, /Ratio/],
      [{ epochs: '0' }, /CTGAN epochs/],
      [{ rarer: '0' }, /training minority share must be in \(0, 1\)/],
      [{ rarer: '1' }, /training minority share/],
      [{ rarer: 'x' }, /training minority share/],
      [{ methods: [] }, /at least one method/],
    ];
    for (const [patch, message] of bad) {
      const r = labRequest({ ...form, ...patch }, 'y', 'auto');
      expect('error' in r ? r.error : 'accepted', JSON.stringify(patch)).toMatch(message);
    }
    expect(labRequest(form, '', 'auto')).toEqual({ error: 'Pick a target column.' });
  });

  it('reopens on the request it sent, and toggles keep the lab order', () => {
    const built = labRequest({ ...form, seeds: '3', ratio: '0.25', minority: 'a', classifier: 'gbdt', rarer: '0.05', methods: ['ctgan', 'baseline'] }, 't', 'auto');
    expect(built).toMatchObject({ request: { trainMinorityShare: 0.05 } });
    if ('error' in built) throw new Error(built.error);
    const again = labRequest(formFromRequest(built.request), 't', 'auto');
    expect(again).toEqual(built);
    expect(toggleMethod(['ctgan'], 'baseline')).toEqual(['baseline', 'ctgan']);
    expect(toggleMethod(['baseline', 'ctgan'], 'baseline')).toEqual(['ctgan']);
  });
});

describe('session: rebalance state', () => {
  it('keeps the request a run was sent with until its result arrives', () => {
    const body = { type: 'rebalance' as const, target: 'y', seed: 1, methods: ['baseline' as const] };
    let s = applyRequest(INITIAL_SESSION, 7, body, 0);
    expect(s.rebalance).toMatchObject({ requestId: 7, status: 'running', request: body });
    s = applyEvent(s, { type: 'progress', requestId: 7, stage: 'rebalance', done: 1, total: 2, message: 'seed 1: baseline' }, 10);
    expect(s.rebalance.progress).toMatchObject({ done: 1, total: 2 });
  });

  it("asking for the stored model does not mark the lab as running (it used to fall through)", () => {
    const s = applyRequest(INITIAL_SESSION, 3, { type: 'stored-model' }, 0);
    expect(s.rebalance).toEqual(INITIAL_SESSION.rebalance);
  });
});
