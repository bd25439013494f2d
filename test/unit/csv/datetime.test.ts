import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DATETIME_FORMATS, civilFromDays, daysFromCivil, detectDatetimeFormat, formatDatetime, parseDatetime,
} from '../../../src/core/datetime.ts';

describe('parseDatetime', () => {
  it('reads ISO dates as UTC milliseconds (hand-checked against known epochs)', () => {
    expect(parseDatetime('1970-01-01', 'YYYY-MM-DD')).toBe(0);
    expect(parseDatetime('2000-03-01', 'YYYY-MM-DD')).toBe(951_868_800_000);
    expect(parseDatetime('2023-06-15 12:34:56', 'YYYY-MM-DD HH:mm:ss')).toBe(1_686_832_496_000);
    expect(parseDatetime('2023-06-15T12:34:56.789Z', 'YYYY-MM-DDTHH:mm:ss.SSSZ')).toBe(1_686_832_496_789);
    expect(parseDatetime('1969-12-31 23:59', 'YYYY-MM-DD HH:mm')).toBe(-60_000);
    expect(parseDatetime('15/06/2023', 'DD/MM/YYYY')).toBe(parseDatetime('06/15/2023', 'MM/DD/YYYY'));
    expect(parseDatetime('15.06.2023', 'DD.MM.YYYY')).toBe(parseDatetime('2023-06-15', 'YYYY-MM-DD'));
    expect(parseDatetime('6/5/2023', 'M/D/YYYY')).toBe(parseDatetime('2023-06-05', 'YYYY-MM-DD'));
  });

  it('agrees with Date.UTC on a range of dates', () => {
    for (const [y, m, d] of [[1999, 12, 31], [2024, 2, 29], [1900, 3, 1], [2100, 1, 1], [1601, 7, 4]] as const) {
      const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      expect(parseDatetime(text, 'YYYY-MM-DD')).toBe(Date.UTC(y, m - 1, d));
    }
  });

  it('returns NaN for impossible dates and times and for a wrong shape', () => {
    expect(parseDatetime('2023-02-30', 'YYYY-MM-DD')).toBeNaN();
    expect(parseDatetime('2023-02-29', 'YYYY-MM-DD')).toBeNaN();
    expect(parseDatetime('1900-02-29', 'YYYY-MM-DD')).toBeNaN();
    expect(parseDatetime('2000-02-29', 'YYYY-MM-DD')).not.toBeNaN();
    expect(parseDatetime('2023-13-01', 'YYYY-MM-DD')).toBeNaN();
    expect(parseDatetime('2023-00-10', 'YYYY-MM-DD')).toBeNaN();
    expect(parseDatetime('2023-01-01 24:00:00', 'YYYY-MM-DD HH:mm:ss')).toBeNaN();
    expect(parseDatetime('2023-01-01 10:60:00', 'YYYY-MM-DD HH:mm:ss')).toBeNaN();
    expect(parseDatetime('2023-1-01', 'YYYY-MM-DD')).toBeNaN();
    expect(parseDatetime('2023-01-01x', 'YYYY-MM-DD')).toBeNaN();
    expect(parseDatetime('', 'YYYY-MM-DD')).toBeNaN();
    expect(parseDatetime('06/05/2023', 'M/D/YYYY')).toBeNaN(); // leading zero has its own format
  });
});

describe('formatDatetime', () => {
  it('is the exact inverse of parseDatetime for every format', () => {
    const samples: Record<string, string> = {
      'YYYY-MM-DD': '2023-02-28',
      'YYYY-MM-DD HH:mm:ss': '0999-12-31 23:59:59',
      'YYYY-MM-DDTHH:mm:ssZ': '2023-06-15T00:00:01Z',
      'YYYY-MM-DDTHH:mm:ss.SSSZ': '2023-06-15T00:00:01.007Z',
      'DD/MM/YYYY': '31/01/1969',
      'MM/DD/YYYY': '01/31/1969',
      'M/D/YYYY': '1/31/1969',
      'DD.MM.YYYY': '29.02.2024',
      'YYYY-MM-DD HH:mm': '2023-06-15 07:05',
      'YYYY/MM/DD': '2023/06/15',
    };
    for (const [f, s] of Object.entries(samples)) expect(formatDatetime(parseDatetime(s, f), f)).toBe(s);
  });

  it('round-trips random instants in every known format (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000_000_000_000, max: 200_000_000_000_000 }), fc.constantFrom(...DATETIME_FORMATS), (ms, f) => {
        const s = formatDatetime(ms, f);
        expect(formatDatetime(parseDatetime(s, f), f)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('rounds to the smallest unit of the format and pads fractions', () => {
    expect(formatDatetime(Date.UTC(2023, 0, 1, 13), 'YYYY-MM-DD')).toBe('2023-01-02');
    expect(formatDatetime(Date.UTC(2023, 0, 1, 10, 0, 29), 'YYYY-MM-DD HH:mm')).toBe('2023-01-01 10:00');
    expect(formatDatetime(Date.UTC(2023, 0, 1, 10, 0, 1, 50), 'YYYY-MM-DD HH:mm:ss.SS')).toBe('2023-01-01 10:00:01.05');
    expect(formatDatetime(NaN, 'YYYY-MM-DD')).toBe('');
  });

  it('civil/day conversions are inverse over 800 years', () => {
    for (let z = -200_000; z < 100_000; z += 997) {
      const { year, month, day } = civilFromDays(z);
      expect(daysFromCivil(year, month, day)).toBe(z);
    }
  });
});

describe('detectDatetimeFormat', () => {
  it('detects common formats', () => {
    expect(detectDatetimeFormat(['2023-01-05', '2024-12-31'])).toBe('YYYY-MM-DD');
    expect(detectDatetimeFormat(['2023-01-05 10:00:00', '2024-12-31 23:59:59'])).toBe('YYYY-MM-DD HH:mm:ss');
    expect(detectDatetimeFormat(['2023-01-05T10:00:00'])).toBe('YYYY-MM-DDTHH:mm:ss');
    expect(detectDatetimeFormat(['2023-01-05T10:00:00Z'])).toBe('YYYY-MM-DDTHH:mm:ssZ');
    expect(detectDatetimeFormat(['2023-01-05T10:00:00.123Z'])).toBe('YYYY-MM-DDTHH:mm:ss.SSSZ');
    expect(detectDatetimeFormat(['2023-01-05 10:00:00.5', '2023-01-05 10:00:01.0'])).toBe('YYYY-MM-DD HH:mm:ss.S');
    expect(detectDatetimeFormat(['2023-01-05 10:00'])).toBe('YYYY-MM-DD HH:mm');
    expect(detectDatetimeFormat(['2023/01/05'])).toBe('YYYY/MM/DD');
    expect(detectDatetimeFormat(['05.01.2023', '31.12.2023'])).toBe('DD.MM.YYYY');
    expect(detectDatetimeFormat(['1/5/2023', '12/25/2023'])).toBe('M/D/YYYY');
  });

  it('settles day/month order by a value above 12, and prefers MM/DD when ambiguous', () => {
    expect(detectDatetimeFormat(['01/02/2023', '25/12/2023'])).toBe('DD/MM/YYYY');
    expect(detectDatetimeFormat(['01/02/2023', '12/25/2023'])).toBe('MM/DD/YYYY');
    expect(detectDatetimeFormat(['01/02/2023', '03/04/2023'])).toBe('MM/DD/YYYY');
  });

  it('rejects non-dates, mixed formats and invalid dates', () => {
    expect(detectDatetimeFormat([])).toBeNull();
    expect(detectDatetimeFormat(['hello'])).toBeNull();
    expect(detectDatetimeFormat(['20230105'])).toBeNull();
    expect(detectDatetimeFormat(['2023-01-05', '05/01/2023'])).toBeNull();
    expect(detectDatetimeFormat(['2023-02-30'])).toBeNull();
    expect(detectDatetimeFormat(['2023-01-05 10:00:00.5', '2023-01-05 10:00:00.25'])).toBeNull();
  });
});
