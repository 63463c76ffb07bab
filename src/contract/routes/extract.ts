import { z } from 'zod';
import { UploadResponse } from '../data.ts';
import {
  PendingDocument,
  ReviewDocument,
  SaveCorrectionRequest,
  StartExtractionRequest,
} from '../extract.ts';
import { JobStarted } from '../jobs.ts';
import { NumericIdParams } from '../params.ts';
import { route } from './define.ts';

/** Ruling upload, extraction and review. */
export const EXTRACT_ROUTES = [
  route({
    method: 'POST',
    path: '/api/extract/uploads',
    summary: '上传文书（裁定书等：txt、html、docx、pdf、图片；multipart 字段 files，可多个）',
    access: 'review_documents',
    response: UploadResponse,
    produces: 'multipart',
  }),
  route({
    method: 'POST',
    path: '/api/extract/jobs',
    summary: '提取并导入已上传的文书（后台任务，进度按文件和页）',
    access: 'review_documents',
    body: StartExtractionRequest,
    response: JobStarted,
  }),
  route({
    method: 'GET',
    path: '/api/extract/pending',
    summary: '待复核的文书',
    access: 'review_documents',
    response: z.array(PendingDocument),
  }),
  route({
    method: 'GET',
    path: '/api/extract/documents/:id',
    params: NumericIdParams,
    summary: '文书与抽取字段',
    access: 'review_documents',
    response: ReviewDocument,
  }),
  route({
    method: 'PUT',
    path: '/api/extract/documents/:id',
    params: NumericIdParams,
    summary: '保存更正',
    access: 'review_documents',
    body: SaveCorrectionRequest,
    response: ReviewDocument,
  }),
] as const;
