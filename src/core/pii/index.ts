/**
 * Personal columns (issue 7): detection, Faker fakes, locale guessing, and the "no training"
 * profile sampler. Pure TypeScript (no DOM, no Node APIs): the profiler, the worker and the CLI
 * all call these.
 */
export {
  PII_KINDS, PII_LABELS, PII_PLURALS, LEARNABLE_MAX_DISTINCT, isIdentifyingPii, isPiiKind, suggestPiiAction,
  type PiiAction, type PiiKind,
} from './kinds.ts';
export { detectPii, MAX_SAMPLE, MIN_CONFIDENCE, type PiiDetection } from './detect.ts';
export { headerHint, headerTokens, type HeaderHint } from './header.ts';
export { canonicalValue, generateFakeColumn, type FakeOptions } from './generate.ts';
export { guessLocale } from './locale.ts';
export { PROFILE_SAMPLE_NOTE, sampleFromProfile, type ProfileSampleOptions } from './profile-sample.ts';
export { DEFAULT_LOCALE, SUPPORTED_LOCALES, isSupportedLocale, normalizeLocale, type SupportedLocale } from './vocab.ts';
export { luhnValid } from './patterns.ts';
