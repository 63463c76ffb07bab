/**
 * Demo files for the browser test: the demo province at a small scale, written as the xlsx/csv
 * exports the generator makes, with one debtor renamed to an HTML-injection string (so the test
 * can check it renders as text wherever it appears).
 */
import { generateProvince } from '../../src/demo/generate.ts';
import type { Province } from '../../src/demo/generate.ts';
import { writeProvinceFiles } from '../../src/demo/write-files.ts';
import type { Row } from '../../src/demo/world.ts';

export const XSS_NAME = '<img src=x onerror=alert(1)>';

export interface DemoFiles {
  paths: string[];
  /** The planted hit whose debtor carries XSS_NAME. */
  xssCaseNo: string;
  plantedHits: number;
}

/** Replaces a person's name everywhere it occurs (also inside 、-joined lists of names). */
function renameEverywhere(province: Province, from: string, to: string): void {
  for (const rows of Object.values(province.tables)) {
    for (const row of rows as Row[]) {
      for (const [k, v] of Object.entries(row)) {
        if (v === from) row[k] = to;
        else if (v && v.includes('、') && v.split('、').includes(from))
          row[k] = v
            .split('、')
            .map((x) => (x === from ? to : x))
            .join('、');
      }
    }
  }
}

export async function writeDemoFiles(outDir: string, scale = 0.05): Promise<DemoFiles> {
  const province = generateProvince({ scale });
  const hit = province.planted.find(
    (p) => p.kind === 'hit' && p.modelId === 'M01' && p.subjectId !== null,
  );
  if (!hit) throw new Error('demo: no planted M01 hit with a subject');
  const party = province.tables.case_parties?.find(
    (r) => r.case_no === hit.caseNo && r.party_id === hit.subjectId,
  );
  if (!party?.party_name) throw new Error(`demo: no party row for ${hit.caseNo}`);
  renameEverywhere(province, party.party_name, XSS_NAME);
  const written = await writeProvinceFiles(province, outDir);
  return {
    paths: written.files.map((f) => f.path),
    xssCaseNo: hit.caseNo,
    plantedHits: province.planted.filter((p) => p.kind === 'hit').length,
  };
}
