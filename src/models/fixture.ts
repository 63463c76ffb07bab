/**
 * A model's fixture is its test (models.md "Every model ships with a small fixture"): the `given`
 * rows go into a fresh in-memory database, the model runs through the same engine as a real run,
 * and the leads must include every `expect` and none of the `expectNot`.
 */
import { Database } from '../store/database.ts';
import { insertFixtureRows } from '../store/fixture.repo.ts';
import type { FixtureLead } from './definition.ts';
import type { LibraryModel } from './library.ts';
import { runModels } from './run.service.ts';

export interface FixtureResult {
  readonly modelId: string;
  readonly passed: boolean;
  /** Chinese, one per failed expectation. */
  readonly failures: string[];
  readonly leads: {
    case_no: string;
    subject_id: string | null;
    summary: string;
    priority: string;
  }[];
}

function matches(lead: { case_no: string; subject_id: string | null }, e: FixtureLead): boolean {
  return (
    lead.case_no === e.case_no && (e.subject_id === undefined || lead.subject_id === e.subject_id)
  );
}

/** Runs one model's fixture. */
export async function runFixture(model: LibraryModel): Promise<FixtureResult> {
  const { def, fixture } = model;
  if (!fixture) {
    return { modelId: def.id, passed: false, failures: [`模型 ${def.id} 没有夹具`], leads: [] };
  }
  const db = await Database.open(':memory:');
  try {
    await insertFixtureRows(db, fixture.given);
    const result = await runModels(db, {
      definitions: [model],
      asOf: fixture.asOf ?? '2025-01-01',
      params: fixture.params ?? {},
      timeoutSeconds: 60,
    });
    const failures: string[] = [];
    for (const o of result.outcomes) {
      if (o.status === 'failed' || o.status === 'skipped') failures.push(o.reason ?? o.status);
    }
    const leads = (
      await db.all<{
        case_no: string;
        subject_id: string | null;
        summary: string;
        priority: string;
      }>(
        `SELECT case_no, subject_id, summary, priority FROM leads WHERE model_id = $1 ORDER BY case_no`,
        [def.id],
      )
    ).map((l) => ({ ...l }));
    for (const e of fixture.expect) {
      const hit = leads.find((l) => matches(l, e));
      const what = `${e.case_no}${e.subject_id ? ` / ${e.subject_id.slice(0, 6)}…` : ''}`;
      if (!hit) {
        failures.push(`应产生线索但没有：${what}${e.why ? `（${e.why}）` : ''}`);
        continue;
      }
      for (const s of e.summaryContains ?? []) {
        if (!hit.summary.includes(s))
          failures.push(`线索 ${what} 的结论应包含“${s}”：${hit.summary}`);
      }
      if (e.priority && hit.priority !== e.priority) {
        failures.push(`线索 ${what} 的优先级应为 ${e.priority}，实际为 ${hit.priority}`);
      }
    }
    for (const e of fixture.expectNot) {
      if (leads.some((l) => matches(l, e))) {
        failures.push(`不应产生线索却产生了：${e.case_no}${e.why ? `（${e.why}）` : ''}`);
      }
    }
    return { modelId: def.id, passed: failures.length === 0, failures, leads };
  } finally {
    db.close();
  }
}
