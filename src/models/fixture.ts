/**
 * A model's fixtures are its tests (models.md "Every model ships with a small fixture"): each named
 * fixture's `given` rows go into a fresh in-memory database, the model runs through the same engine
 * as a real run with the fixture's parameters and `asOf`, and the leads must be exactly its
 * `expect` (every one raised, none of `expectNot`, and no other lead unless `partial: true`).
 */
import { maskId } from '../domain/mask.ts';
import { Database } from '../store/database.ts';
import { insertFixtureRows } from '../store/fixture.repo.ts';
import type { FixtureLead, NamedFixture } from './definition.ts';
import type { LibraryModel } from './library.ts';
import { runModels } from './run.service.ts';

type FixtureLeadRow = {
  case_no: string;
  subject_id: string | null;
  subject_name: string | null;
  summary: string;
  priority: string;
};

export interface FixtureResult {
  readonly modelId: string;
  /** The fixture's name (默认 for a file of one unnamed fixture). */
  readonly fixture: string;
  readonly passed: boolean;
  /** Chinese, one per failed expectation. */
  readonly failures: string[];
  readonly leads: FixtureLeadRow[];
}

function matches(lead: { case_no: string; subject_id: string | null }, e: FixtureLead): boolean {
  return (
    lead.case_no === e.case_no && (e.subject_id === undefined || lead.subject_id === e.subject_id)
  );
}

/** `案号 / 姓名 330102********0018`: a lead named for a message, its ID masked. */
function leadLabel(lead: Pick<FixtureLeadRow, 'case_no' | 'subject_id' | 'subject_name'>): string {
  const who = [lead.subject_name, lead.subject_id ? maskId(lead.subject_id) : null].filter(Boolean);
  return who.length > 0 ? `${lead.case_no} / ${who.join(' ')}` : lead.case_no;
}

/** Runs every named fixture of a model, one result each (a model without one gives one failure). */
export async function runFixtures(model: LibraryModel): Promise<FixtureResult[]> {
  if (model.fixtures.length === 0) {
    const failures = [`模型 ${model.def.id} 没有夹具`];
    return [{ modelId: model.def.id, fixture: '', passed: false, failures, leads: [] }];
  }
  const results: FixtureResult[] = [];
  for (const fixture of model.fixtures) results.push(await runFixture(model, fixture));
  return results;
}

/** Runs one named fixture of a model. */
export async function runFixture(
  model: LibraryModel,
  fixture: NamedFixture,
): Promise<FixtureResult> {
  const { def } = model;
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
      await db.all<FixtureLeadRow>(
        `SELECT case_no, subject_id, subject_name, summary, priority FROM leads
         WHERE model_id = $1 ORDER BY case_no, subject_id`,
        [def.id],
      )
    ).map((l) => ({ ...l }));
    // Each expected lead lists one lead: an entry without subject_id does not cover a second person.
    const listed = new Set<FixtureLeadRow>();
    const bySubjectFirst = [...fixture.expect].sort(
      (a, b) => Number(b.subject_id !== undefined) - Number(a.subject_id !== undefined),
    );
    for (const e of bySubjectFirst) {
      const hit = leads.find((l) => !listed.has(l) && matches(l, e));
      if (hit) listed.add(hit);
      const what = `${e.case_no}${e.subject_id ? ` / ${maskId(e.subject_id)}` : ''}`;
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
      for (const l of leads.filter((x) => matches(x, e))) {
        failures.push(`不应产生线索却产生了：${leadLabel(l)}${e.why ? `（${e.why}）` : ''}`);
      }
    }
    if (!fixture.partial) {
      const refused = (l: FixtureLeadRow) => fixture.expectNot.some((e) => matches(l, e));
      for (const l of leads.filter((x) => !listed.has(x) && !refused(x))) {
        failures.push(
          `产生了夹具未列出的线索：${leadLabel(l)}（夹具须列出全部线索，或写 partial: true）`,
        );
      }
    }
    const named = failures.map((f) => `夹具“${fixture.name}”：${f}`);
    return {
      modelId: def.id,
      fixture: fixture.name,
      passed: failures.length === 0,
      failures: named,
      leads,
    };
  } finally {
    db.close();
  }
}
