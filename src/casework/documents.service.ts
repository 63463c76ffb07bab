/**
 * A case's Word documents (检察建议书, 线索移送函, 审查终结报告) and the units' templates. Each
 * generation or upload is the next version of its document (per case, kind and recommendation);
 * the file goes to the FileStore first and its row after, in a transaction of the casework writer,
 * and a failed transaction removes the file. Issuing (the recommendations service) fixes the
 * number and date: `renderIssued` then makes the final version (定稿) with them — the user's edited
 * upload with its blanks filled when that is the latest draft, else regenerated from the case.
 */
import type {
  CaseDocuments,
  CaseDocumentVersion,
  DocumentTemplate,
} from '../contract/documents.ts';
import { AppError } from '../domain/app-error.ts';
import type { DocumentKind } from '../domain/vocabulary.ts';
import { checkReveal, type Operator } from '../org/lead-disclosure.ts';
import type { Scope } from '../org/unit-tree.ts';
import {
  activeTemplates,
  caseDocumentById,
  caseDocuments,
  deactivateTemplate,
  insertCaseDocument,
  insertTemplate,
  nextDocumentVersion,
  recommendationForDocument,
  recommendationsOfCase,
  type RecommendationDocRow,
} from '../store/case-documents.repo.ts';
import type { CaseRow } from '../store/casework.repo.ts';
import type { StoredFile } from '../store/file-store.ts';
import type { FilesDeps, IncomingFile, OutgoingFile } from './case-files.service.ts';
import { CaseworkCore } from './casework-core.ts';
import { toTemplate, toVersion } from './documents-view.ts';
import { gatherContext } from './document-context.ts';
import { composeDocument, templateData } from './documents/document-content.ts';
import { checkDocx, DOCX, MAX_CASE_FILE_BYTES } from './documents/file-content.ts';
import { fillIssuedBlanks } from './documents/issued-edit.ts';
import { officialDocx } from './documents/official-layout.ts';
import { checkTemplate, fillTemplate } from './documents/unit-template.ts';

export interface GenerateInput {
  kind: DocumentKind;
  recommendationId?: number | null | undefined;
  addressee?: string | undefined;
  reveal?: boolean | undefined;
}

interface NewVersion {
  kind: DocumentKind;
  recommendationId: number | null;
  status: '草稿' | '定稿';
  source: '生成' | '上传' | '模板';
  originalName: string | null;
  revealed: boolean;
}

export class DocumentsService extends CaseworkCore {
  constructor(protected override readonly deps: FilesDeps) {
    super(deps);
  }

  /** The case's document versions, its recommendations and the unit's templates in force. */
  async list(op: Operator, caseId: number): Promise<CaseDocuments> {
    const scope = await this.scopeOf(op);
    const row = await this.visible(scope, caseId);
    const [versions, recs, templates] = await Promise.all([
      caseDocuments(this.deps.db, caseId),
      recommendationsOfCase(this.deps.db, caseId),
      activeTemplates(this.deps.db, row.unit_id),
    ]);
    return {
      versions: versions.map(toVersion),
      recommendations: recs.map((r) => ({
        id: Number(r.id),
        kind: r.kind,
        addressee: r.addressee,
        state: r.state === '已发出' ? '已发出' : '草稿',
        docNo: r.doc_no,
        issuedOn: r.issued_on,
      })),
      templateKinds: templates.map((t) => t.kind as DocumentKind),
    };
  }

  /** A new draft version generated from the case (the unit's template, else the built-in layout). */
  async generate(op: Operator, caseId: number, input: GenerateInput): Promise<CaseDocumentVersion> {
    const scope = await this.scopeOf(op);
    const reveal = checkReveal(op, input.reveal ?? false);
    const row = await this.visible(scope, caseId);
    const rec = await this.recommendationOf(row, input.kind, input.recommendationId ?? null);
    return this.render(op, scope, row, rec, {
      kind: input.kind,
      addressee: input.addressee?.trim() || undefined,
      reveal,
      issued: false,
    });
  }

  /**
   * The final version (定稿) of an issued recommendation, with its number, date and reply deadline:
   * for the recommendations service to call once it has issued (the row holds doc_no, issued_on).
   */
  async renderIssued(
    op: Operator,
    recommendationId: number,
    options: { reveal?: boolean } = {},
  ): Promise<CaseDocumentVersion> {
    const scope = await this.scopeOf(op);
    const reveal = checkReveal(op, options.reveal ?? false);
    const rec = await recommendationForDocument(this.deps.db, recommendationId);
    if (!rec || !scope.unitIds.includes(rec.unit_id)) {
      throw new AppError('NOT_FOUND', '检察建议不存在或不在本单位范围内');
    }
    if (!rec.doc_no || !rec.issued_on) {
      throw new AppError(
        'RECOMMENDATION_NOT_ISSUED',
        '检察建议尚未发出（文号和发出日期未定），不能生成定稿',
      );
    }
    const row = await this.visible(scope, Number(rec.case_id));
    const edited = await this.finalFromEdit(op, row, rec, {
      docNo: rec.doc_no,
      date: rec.issued_on,
    });
    if (edited) return edited;
    return this.render(op, scope, row, rec, {
      kind: '检察建议书',
      addressee: undefined,
      reveal,
      issued: true,
    });
  }

  /**
   * When the latest draft of the recommendation (or the case's unlinked 检察建议书 draft) is the
   * user's edited upload, its wording is kept: the final version is that file with the number and
   * date filled in its blanks. Undefined when there is none or its blanks were edited away.
   */
  private async finalFromEdit(
    op: Operator,
    row: CaseRow,
    rec: RecommendationDocRow,
    issued: { docNo: string; date: string },
  ): Promise<CaseDocumentVersion | undefined> {
    const all = (await caseDocuments(this.deps.db, Number(row.id))).filter(
      (d) => d.kind === '检察建议书',
    );
    const own = all.filter((d) => Number(d.recommendation_id) === Number(rec.id));
    const series = own.length ? own : all.filter((d) => d.recommendation_id === null);
    const latest = series.at(-1);
    if (latest?.source !== '上传') return undefined;
    const filled = fillIssuedBlanks(await this.deps.files.read(latest.stored_name), issued);
    if (!filled) return undefined;
    const version = await this.store(op, row, filled, {
      kind: '检察建议书',
      recommendationId: Number(rec.id),
      status: '定稿',
      source: '上传',
      originalName: latest.original_name,
      revealed: Boolean(latest.revealed),
    });
    await this.record(
      op,
      'document_generate',
      row.case_no,
      `检察建议书第 ${version.version} 版（定稿，由第 ${latest.version} 版修改稿填入文号和日期）`,
    );
    return version;
  }

  private async recommendationOf(
    row: CaseRow,
    kind: DocumentKind,
    id: number | null,
  ): Promise<RecommendationDocRow | undefined> {
    if (id === null) return undefined;
    const rec = await recommendationForDocument(this.deps.db, id);
    if (!rec || Number(rec.case_id) !== Number(row.id)) {
      throw new AppError('NOT_FOUND', `监督案件 ${row.case_no} 没有这份检察建议`);
    }
    if (kind !== '检察建议书' && kind !== '审查终结报告') {
      throw new AppError('BAD_CASE_INPUT', `${kind}不对应检察建议，请不要选择检察建议`);
    }
    return rec;
  }

  private async render(
    op: Operator,
    scope: Scope,
    row: CaseRow,
    rec: RecommendationDocRow | undefined,
    o: { kind: DocumentKind; addressee: string | undefined; reveal: boolean; issued: boolean },
  ): Promise<CaseDocumentVersion> {
    const units = await this.deps.org.units();
    const unitName = units.find((u) => u.id === row.unit_id)?.name ?? row.unit_id;
    const ctx = await gatherContext(this.deps.db, this.deps.leads, scope, row, {
      kind: o.kind,
      unitName,
      recommendation: rec,
      addressee: o.addressee,
      reveal: o.reveal,
      issued: o.issued,
    });
    const composed = composeDocument(ctx);
    const template = (await activeTemplates(this.deps.db, row.unit_id)).find(
      (t) => t.kind === o.kind,
    );
    const bytes = template
      ? fillTemplate(
          template.original_name,
          await this.deps.files.read(template.stored_name),
          templateData(composed),
        )
      : await officialDocx(composed);
    const version = await this.store(op, row, bytes, {
      kind: o.kind,
      recommendationId: rec ? Number(rec.id) : null,
      status: o.issued ? '定稿' : '草稿',
      source: template ? '模板' : '生成',
      originalName: null,
      revealed: o.reveal,
    });
    await this.record(
      op,
      'document_generate',
      row.case_no,
      `${o.kind}第 ${version.version} 版（${version.status}，${template ? '本单位模板' : '标准格式'}` +
        `${o.reveal ? '，含完整证件号码' : ''}）`,
    );
    return version;
  }

  /** A user's edited .docx as the next version (checked as Word by its content). */
  async uploadVersion(
    op: Operator,
    caseId: number,
    input: { kind: DocumentKind; recommendationId?: number | undefined },
    file: IncomingFile,
  ): Promise<CaseDocumentVersion> {
    const scope = await this.scopeOf(op);
    const row = await this.visible(scope, caseId);
    const rec = await this.recommendationOf(row, input.kind, input.recommendationId ?? null);
    this.checkWord(file);
    const version = await this.store(op, row, file.bytes, {
      kind: input.kind,
      recommendationId: rec ? Number(rec.id) : null,
      status: '草稿',
      source: '上传',
      originalName: file.name,
      // An edited file may hold anything the user typed: only the reveal right downloads it.
      revealed: op.canViewFullId,
    });
    await this.record(
      op,
      'document_upload',
      row.case_no,
      `${input.kind}第 ${version.version} 版（上传修改稿）`,
    );
    return version;
  }

  private checkWord(file: IncomingFile): void {
    const max = this.deps.maxFileBytes ?? MAX_CASE_FILE_BYTES;
    const size = file.size ?? file.bytes.byteLength;
    checkDocx(file.name, size > max ? new Uint8Array(max + 1) : file.bytes, max);
  }

  /** File first, then its row; the file is removed if the row is not written. */
  private async store(
    op: Operator,
    row: CaseRow,
    bytes: Uint8Array,
    v: NewVersion,
  ): Promise<CaseDocumentVersion> {
    const saved: StoredFile = await this.deps.files.save(bytes);
    const id = await this.write(async (db) => {
      await this.visible(await this.scopeOf(op), Number(row.id), db);
      const version = await nextDocumentVersion(db, Number(row.id), v.kind, v.recommendationId);
      return insertCaseDocument(db, {
        caseId: Number(row.id),
        recommendationId: v.recommendationId,
        kind: v.kind,
        version,
        status: v.status,
        source: v.source,
        originalName: v.originalName,
        storedName: saved.storedName,
        size: saved.size,
        sha256: saved.sha256,
        revealed: v.revealed,
        by: op.username,
      });
    }).catch(async (error: unknown) => {
      await this.deps.files.remove(saved.storedName);
      throw error;
    });
    const stored = await caseDocumentById(this.deps.db, id);
    if (!stored) throw new Error('document row vanished');
    return toVersion(stored);
  }

  /** One version's bytes, audited; a revealed version only for a user with the reveal right. */
  async download(op: Operator, documentId: number): Promise<OutgoingFile> {
    const scope = await this.scopeOf(op);
    const doc = await caseDocumentById(this.deps.db, documentId);
    const notFound = new AppError('NOT_FOUND', '文书不存在或不在本单位范围内');
    if (!doc) throw notFound;
    const row = await this.visible(scope, Number(doc.case_id)).catch(() => {
      throw notFound;
    });
    if (doc.revealed && !op.canViewFullId) {
      throw new AppError(
        'FORBIDDEN',
        '这一版文书含完整证件号码，需要查看完整证件号码的权限才能下载',
      );
    }
    const bytes = await this.deps.files.read(doc.stored_name);
    await this.record(
      op,
      'view_case_document',
      row.case_no,
      `${doc.kind}第 ${doc.version} 版（${doc.status}）`,
    );
    const name = `${doc.kind}（${row.case_no}）第${doc.version}版${doc.status === '定稿' ? '定稿' : ''}.docx`;
    return { fileName: name, mime: DOCX.mime, bytes };
  }

  /** The templates in force of the operator's unit. */
  async templates(op: Operator): Promise<DocumentTemplate[]> {
    const scope = await this.scopeOf(op);
    return (await activeTemplates(this.deps.db, scope.unitId)).map(toTemplate);
  }

  /** A unit's own template of a kind: refused naming unknown and missing placeholders. */
  async uploadTemplate(
    op: Operator,
    kind: DocumentKind,
    file: IncomingFile,
  ): Promise<DocumentTemplate> {
    const scope = await this.scopeOf(op);
    this.checkWord(file);
    const placeholders = checkTemplate(file.name, kind, file.bytes);
    const saved = await this.deps.files.save(file.bytes);
    await this.write((db) =>
      insertTemplate(db, {
        unitId: scope.unitId,
        kind,
        originalName: file.name,
        placeholders,
        storedName: saved.storedName,
        size: saved.size,
        sha256: saved.sha256,
        by: op.username,
      }),
    ).catch(async (error: unknown) => {
      await this.deps.files.remove(saved.storedName);
      throw error;
    });
    await this.record(
      op,
      'template_upload',
      scope.unitId,
      `${kind}模板（${placeholders.length} 个占位符）`,
    );
    const now = (await activeTemplates(this.deps.db, scope.unitId)).find((t) => t.kind === kind);
    if (!now) throw new Error('template row vanished');
    return toTemplate(now);
  }

  /** Back to the built-in layout for a kind (the uploads are kept). */
  async removeTemplate(op: Operator, kind: DocumentKind): Promise<DocumentTemplate[]> {
    const scope = await this.scopeOf(op);
    const n = await this.write((db) => deactivateTemplate(db, scope.unitId, kind));
    if (n === 0) throw new AppError('NOT_FOUND', `本单位没有在用的${kind}模板`);
    await this.record(op, 'template_upload', scope.unitId, `停用${kind}模板，改用标准格式`);
    return this.templates(op);
  }
}
