/**
 * Attachments (附件) of verification acts: each file checked by its content (PDF, images, Word;
 * an executable renamed .pdf is refused by name) and its size, before anything is written; then
 * the files go to the FileStore and their rows in one transaction, and a failed transaction
 * removes the files again. Downloads are audited as views (the files are case material).
 */
import type { CaseAttachment } from '../contract/documents.ts';
import { AppError } from '../domain/app-error.ts';
import type { Operator } from '../org/lead-disclosure.ts';
import {
  actOfCase,
  caseFileById,
  caseFiles,
  insertCaseFile,
  type CaseFileRow,
} from '../store/case-files.repo.ts';
import type { FileStore, StoredFile } from '../store/file-store.ts';
import { isOpenState } from './case-states.ts';
import { CaseworkCore, type CaseworkDeps } from './casework-core.ts';
import { checkAttachment, MAX_CASE_FILE_BYTES } from './documents/file-content.ts';

export interface FilesDeps extends CaseworkDeps {
  readonly files: FileStore;
  /** The per-file limit (tests lower it). */
  readonly maxFileBytes?: number;
}

/** A file as the route received it (cut off past the limit: `size` is what was sent). */
export interface IncomingFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The size sent, when more than `bytes` were (the rest was not kept). */
  readonly size?: number;
}

/** A file the user downloads: bytes, the original name for Content-Disposition, the type. */
export interface OutgoingFile {
  readonly fileName: string;
  readonly mime: string;
  readonly bytes: Buffer;
}

export function toAttachment(r: CaseFileRow): CaseAttachment {
  return {
    id: Number(r.id),
    actId: Number(r.act_id),
    documentKind: r.document_kind,
    fileName: r.original_name,
    mime: r.mime,
    size: Number(r.size),
    sha256: r.sha256,
    by: r.created_by,
    at: r.created_at,
  };
}

/** Saves files to the store, all or none (a failure removes those already saved). */
export async function saveAll(files: FileStore, all: readonly Uint8Array[]): Promise<StoredFile[]> {
  const saved: StoredFile[] = [];
  try {
    for (const bytes of all) saved.push(await files.save(bytes));
    return saved;
  } catch (error) {
    await Promise.all(saved.map((s) => files.remove(s.storedName)));
    throw error;
  }
}

export class CaseFilesService extends CaseworkCore {
  constructor(protected override readonly deps: FilesDeps) {
    super(deps);
  }

  get maxFileBytes(): number {
    return this.deps.maxFileBytes ?? MAX_CASE_FILE_BYTES;
  }

  /** Attaches files to an act of a case; every file is checked before any is kept. */
  async attach(
    op: Operator,
    caseId: number,
    actId: number,
    files: readonly IncomingFile[],
    documentKind?: string,
  ): Promise<CaseAttachment[]> {
    const scope = await this.scopeOf(op);
    const row = await this.visible(scope, caseId);
    if (!(await actOfCase(this.deps.db, caseId, actId))) {
      throw new AppError('NOT_FOUND', `监督案件 ${row.case_no} 没有这项调查核实措施`);
    }
    if (files.length === 0) throw new AppError('NO_FILE', '请选择要上传的文件');
    const kinds = files.map((f) => {
      if ((f.size ?? f.bytes.byteLength) > this.maxFileBytes) {
        // The route kept only the first bytes past the limit: the check names the size sent.
        return checkAttachment(f.name, new Uint8Array(this.maxFileBytes + 1), this.maxFileBytes);
      }
      return checkAttachment(f.name, f.bytes, this.maxFileBytes);
    });
    const stored = await saveAll(
      this.deps.files,
      files.map((f) => f.bytes),
    );
    const ids = await this.write(async (db) => {
      const current = await this.visible(scope, caseId, db);
      if (!isOpenState(current.state)) {
        throw new AppError('CASE_CLOSED', `监督案件 ${current.case_no} 已结案，不能再上传附件`);
      }
      const out: number[] = [];
      for (const [i, f] of files.entries()) {
        const s = stored[i]!;
        out.push(
          await insertCaseFile(db, {
            caseId,
            actId,
            documentKind: documentKind?.trim() || null,
            originalName: f.name,
            mime: kinds[i]!.mime,
            size: s.size,
            sha256: s.sha256,
            storedName: s.storedName,
            by: op.username,
          }),
        );
      }
      return out;
    }).catch(async (error: unknown) => {
      await Promise.all(stored.map((s) => this.deps.files.remove(s.storedName)));
      throw error;
    });
    // The audit names the act and the types, not the file names (they may name a person).
    await this.record(
      op,
      'case_file_upload',
      row.case_no,
      `措施 #${actId} 附件 ${ids.map((id) => `#${id}`).join(',')}（${kinds.map((k) => k.label).join('、')}）`,
    );
    const all = await caseFiles(this.deps.db, caseId);
    return all.filter((r) => ids.includes(Number(r.id))).map(toAttachment);
  }

  /** The case's attachments (the act list shows them under each act). */
  async list(op: Operator, caseId: number): Promise<CaseAttachment[]> {
    const scope = await this.scopeOf(op);
    await this.visible(scope, caseId);
    return (await caseFiles(this.deps.db, caseId)).map(toAttachment);
  }

  /** One attachment's bytes, audited; another unit's is "not found" like a missing one. */
  async download(op: Operator, fileId: number): Promise<OutgoingFile> {
    const scope = await this.scopeOf(op);
    const file = await caseFileById(this.deps.db, fileId);
    const notFound = new AppError('NOT_FOUND', '附件不存在或不在本单位范围内');
    if (!file) throw notFound;
    const row = await this.visible(scope, Number(file.case_id)).catch(() => {
      throw notFound;
    });
    const bytes = await this.deps.files.read(file.stored_name);
    await this.record(op, 'view_case_file', row.case_no, `附件 #${fileId}（措施 #${file.act_id}）`);
    return { fileName: file.original_name, mime: file.mime, bytes };
  }
}
