/**
 * The as-of rule (models.md, Terms → As-of date): a run sees only what had happened by `asOf`.
 * Every dataset the run reads is shadowed by a TEMP view of the same name that
 * - drops the rows whose own date (the day the row happened) is after `asOf`: a vehicle registered,
 *   an act done, a snapshot taken, a trip made later is not yet known;
 * - reads an end date after `asOf` as empty: a deregistration, a lift or a removal that comes later
 *   has not happened yet (and a case closed later is still open: its 结案方式 is empty too).
 * Rows without a date are kept. The "no X within N days after t" windows are the models' own
 * conditions (t + N < asOf); this layer only makes sure no model — built-in or a user's — reads
 * the future.
 */
import { sqlString } from './literal.ts';

export interface AsOfDates {
  /** The row's own date: a row dated after asOf is dropped. */
  readonly happened?: string;
  /** End dates after asOf read as NULL, with the columns that belong to that end. */
  readonly ends?: readonly { readonly column: string; readonly with?: readonly string[] }[];
  /** `happened` is a timestamp (compared by its calendar day). */
  readonly timestamp?: boolean;
}

/** Per dataset (canonical names, `src/catalog/datasets`), which dates the rule reads. */
export const AS_OF_DATES: Readonly<Record<string, AsOfDates>> = {
  enforcement_cases: {
    happened: 'filed_date',
    ends: [{ column: 'closed_date', with: ['closure_type'] }],
  },
  civil_cases: {
    happened: 'filed_date',
    ends: [{ column: 'closed_date', with: ['closure_type'] }],
  },
  case_actions: { happened: 'action_date' },
  online_auctions: { happened: 'sale_date' },
  enforcement_payments: { happened: 'payment_date' },
  dishonest_debtors: { happened: 'published_date', ends: [{ column: 'removed_date' }] },
  consumption_restrictions: { happened: 'published_date', ends: [{ column: 'lifted_date' }] },
  vehicles: { happened: 'registered_date', ends: [{ column: 'deregistered_date' }] },
  vehicle_seizures: {
    happened: 'sealed_date',
    ends: [{ column: 'seized_date' }, { column: 'released_date' }],
  },
  vehicle_sightings: { happened: 'seen_at', timestamp: true },
  real_estate: { happened: 'registered_date', ends: [{ column: 'ended_date' }] },
  equity_holdings: { happened: 'changed_date' },
  pension_payments: { happened: 'month' },
  provident_fund: { happened: 'balance_date' },
  social_insurance: { happened: 'month' },
  marriages: { happened: 'registered_date' },
  bank_transactions: { happened: 'tx_time', timestamp: true },
  deaths: { happened: 'death_date' },
  travel_records: { happened: 'travel_date' },
  gambling_records: { happened: 'incident_date' },
  petitions: { happened: 'registered_date' },
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `CREATE TEMP VIEW <ds>` statements over `<catalog>.main.<ds>` for each dataset in `tables`
 * (the ones the session holds) that has dates. `asOf` is a checked ISO date, inlined as a literal.
 */
export function asOfViewStatements(
  catalog: string,
  tables: readonly string[],
  asOf: string,
): string[] {
  if (!ISO_DATE.test(asOf)) throw new Error(`asOf is not an ISO date: ${asOf}`);
  const day = `DATE ${sqlString(asOf)}`;
  const source = (ds: string): string => `"${catalog.replace(/"/g, '""')}".main."${ds}"`;
  const out: string[] = [];
  for (const ds of tables) {
    const dates = AS_OF_DATES[ds];
    if (!dates) continue;
    const replaced: string[] = [];
    for (const end of dates.ends ?? []) {
      const later = `"${end.column}" > ${day}`;
      for (const c of [end.column, ...(end.with ?? [])]) {
        replaced.push(`CASE WHEN ${later} THEN NULL ELSE "${c}" END AS "${c}"`);
      }
    }
    const happened = dates.happened
      ? dates.timestamp
        ? `CAST("${dates.happened}" AS DATE)`
        : `"${dates.happened}"`
      : null;
    const where = happened ? `\nWHERE ${happened} IS NULL OR ${happened} <= ${day}` : '';
    const select = replaced.length > 0 ? `* REPLACE (${replaced.join(', ')})` : '*';
    out.push(`CREATE OR REPLACE TEMP VIEW "${ds}" AS\nSELECT ${select} FROM ${source(ds)}${where}`);
  }
  return out;
}
