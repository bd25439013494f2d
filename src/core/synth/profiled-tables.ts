/**
 * Remembers the last profiled table (weakly) and its profile, so a synthesizer wrapper that only
 * receives the training table (the worker's `fit(table, plan)`) can fake personal columns against
 * the whole file: the training table may be a holdout split of it, and the held-back rows are real
 * people too, so their values must be avoided as well.
 */
import { profileTable } from '../profile/profile.ts';
import type { CsvFormats } from '../csv/format.ts';
import type { Table } from '../table/table.ts';
import type { Profile } from '../types.ts';

export interface ProfiledTable {
  table: Table;
  profile: Profile;
  /** The file's column formats (whitespace, missing token), when the parser reported them. */
  formats?: CsvFormats;
}

function sameColumns(a: Table, b: Table): boolean {
  return a.columns.length === b.columns.length && a.columns.every((c, j) => c.name === b.columns[j]!.name);
}

export class ProfiledTables {
  private last: { table: WeakRef<Table>; profile: Profile; formats?: CsvFormats } | null = null;

  /** Note `profile` (and the file's `formats`) as those of `table` (the latest file); returns `profile`. */
  remember(table: Table, profile: Profile, formats?: CsvFormats): Profile {
    this.last = { table: new WeakRef(table), profile, ...(formats ? { formats } : {}) };
    return profile;
  }

  /** The latest remembered table, while it is still alive (e.g. the file the app has loaded). */
  latest(): ProfiledTable | null {
    const table = this.last?.table.deref();
    if (!table || !this.last) return null;
    return { table, profile: this.last.profile, ...(this.last.formats ? { formats: this.last.formats } : {}) };
  }

  /**
   * The whole table and profile behind `table`: the remembered ones when `table` is that table or
   * has its columns (a row split of it), else `table` profiled now.
   */
  lookup(table: Table): ProfiledTable {
    const full = this.last?.table.deref();
    if (full && this.last && (full === table || sameColumns(full, table))) return this.latest()!;
    return { table, profile: profileTable(table) };
  }
}
