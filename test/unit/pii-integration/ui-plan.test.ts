/**
 * The profile table's PII slot (src/ui/profile) on a real profile: it reads the guess the profiler
 * attaches, suggests the same action planFromProfile applies, and its learn/fake/drop select
 * produces a plan that resolvePlan (the worker's fit) turns into the intended training plan.
 */
import { describe, expect, it } from 'vitest';
import { FAKE_KIND, planFromProfile } from '../../../src/core/profile/plan.ts';
import { profileTable } from '../../../src/core/profile/profile.ts';
import { resolvePlan } from '../../../src/core/synth/personal.ts';
import { hasPiiColumn, piiGuess, withPii, type UiColumnPlan } from '../../../src/ui/profile/plan.ts';
import { customers } from './helpers.ts';

const profile = profileTable(customers);
const col = (name: string) => profile.columns.find((c) => c.name === name)!;

describe('UI PII slot on a real profile', () => {
  it('shows the guess with its confidence and reason, suggesting what the plan does by default', () => {
    expect(hasPiiColumn(profile.columns)).toBe(true);
    const email = piiGuess(col('email'))!;
    expect(email).toEqual({ kind: 'email', confidence: col('email').pii!.confidence, reason: col('email').pii!.reason, suggested: 'fake' });
    expect(piiGuess(col('age'))).toBeNull();
    const plan = planFromProfile(profile);
    for (const c of profile.columns) {
      const g = piiGuess(c);
      if (g) expect([c.name, g.suggested]).toEqual([c.name, plan.find((p) => p.name === c.name)!.action]);
    }
  });

  it("the select's choices reach the training plan", () => {
    // The UI starts from the profile's kinds (no actions), as session-reducer does.
    let plan: UiColumnPlan[] = profile.columns.map((c) => ({ name: c.name, kind: c.kind }));
    plan = withPii(plan, 'email', 'drop');
    plan = withPii(plan, 'city', 'learn');
    plan = withPii(withPii(plan, 'phone', 'drop'), 'phone', 'fake');
    const train = resolvePlan(profile, plan);
    const get = (name: string) => train.find((p) => p.name === name)!;
    expect(get('email')).toMatchObject({ action: 'drop', excluded: true });
    expect(get('city')).toMatchObject({ kind: col('city').kind, action: 'learn' });
    expect(get('city').excluded).toBeUndefined();
    expect(get('phone')).toMatchObject({ kind: FAKE_KIND, action: 'fake', excluded: false });
    expect(get('name')).toMatchObject({ kind: FAKE_KIND, action: 'fake' }); // untouched: the default
  });
});
