import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../domain/app-error.ts';
import type { Database } from '../store/database.ts';
import { findSourceMapping } from '../store/mapping.repo.ts';
import type { FilePreview } from './preview.service.ts';
import type { FromWorker, ToWorker } from './preview-worker.ts';
import type { MappingLookup } from './sheet-plan.ts';

/**
 * Previews run on a worker thread, so parsing a hostile upload never holds the request thread: the
 * rest of the platform keeps answering. The reader's limits keep a preview under a second; the
 * worker's heap limit and the timeout are the backstop (the worker is ended and started afresh).
 */
export interface PreviewRunnerOptions {
  /** A preview taking longer is abandoned with a message. */
  readonly timeoutMs?: number;
  /** The worker's JS heap (MB); beyond it the worker is ended, the preview fails with a message. */
  readonly maxHeapMb?: number;
}

interface Pending {
  readonly path: string;
  readonly lookup: MappingLookup | undefined;
  readonly resolve: (preview: FilePreview) => void;
  readonly reject: (error: unknown) => void;
}

export class PreviewRunner {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly queue: (Pending & { id: number })[] = [];
  private current: (Pending & { id: number; timer: NodeJS.Timeout }) | undefined;

  constructor(private readonly options: PreviewRunnerOptions = {}) {}

  /**
   * The preview of `path`, one at a time (parsing is CPU work: two at once only halve each), with
   * the mappings remembered in `db`.
   */
  preview(path: string, db?: Database): Promise<FilePreview> {
    const lookup: MappingLookup | undefined = db
      ? (signature) => findSourceMapping(db, signature)
      : undefined;
    return new Promise((resolve, reject) => {
      this.queue.push({ id: ++this.nextId, path, lookup, resolve, reject });
      this.next();
    });
  }

  /** Ends the worker (tests, shutdown); queued previews fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    for (const p of this.queue.splice(0)) p.reject(new AppError('PREVIEW_CLOSED', '服务正在关闭'));
    if (worker) await worker.terminate();
  }

  private next(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) return;
    const timer = setTimeout(() => {
      this.fail(
        new AppError(
          'PREVIEW_TIMEOUT',
          `文件 ${basename(job.path)} 预览超时（超过 ${Math.round((this.options.timeoutMs ?? 30_000) / 1000)} 秒），请检查文件内容是否为正常的数据表`,
        ),
      );
    }, this.options.timeoutMs ?? 30_000);
    this.current = { ...job, timer };
    const message: ToWorker = { type: 'preview', id: job.id, path: job.path };
    this.ensureWorker().postMessage(message);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./preview-worker-boot.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 2048 },
    });
    // An idle worker does not keep the process alive.
    worker.unref();
    worker.on('message', (message: FromWorker) => this.onMessage(worker, message));
    worker.on('error', (error) => {
      if (this.worker !== worker) return;
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      const name = this.current ? basename(this.current.path) : '';
      this.fail(
        new AppError(
          outOfMemory ? 'PREVIEW_TOO_LARGE' : 'PREVIEW_FAILED',
          outOfMemory
            ? `文件 ${name} 预览时占用内存过多，已停止；请检查文件内容是否为正常的数据表`
            : `文件 ${name} 预览失败，请稍后重试`,
        ),
      );
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.fail(new AppError('PREVIEW_FAILED', '预览失败，请稍后重试'));
    });
    this.worker = worker;
    return worker;
  }

  private onMessage(worker: Worker, message: FromWorker): void {
    if (message.type === 'lookup') {
      const lookup = this.current?.lookup;
      const answer = (value: Awaited<ReturnType<MappingLookup>>): void => {
        const reply: ToWorker = { type: 'lookup-result', lookupId: message.lookupId, value };
        worker.postMessage(reply);
      };
      (lookup ? lookup(message.signature) : Promise.resolve(undefined)).then(answer, () =>
        answer(undefined),
      );
      return;
    }
    const current = this.current;
    if (!current || current.id !== message.id) return;
    clearTimeout(current.timer);
    this.current = undefined;
    if (message.type === 'done') current.resolve(message.preview);
    else current.reject(new Error(`预览线程出错：${message.message}`));
    this.next();
  }

  /** The current preview fails with `error`; the worker is ended and the next one starts afresh. */
  private fail(error: AppError): void {
    const current = this.current;
    const worker = this.worker;
    this.current = undefined;
    this.worker = undefined;
    if (worker) void worker.terminate();
    if (current) {
      clearTimeout(current.timer);
      current.reject(error);
    }
    this.next();
  }
}
