import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { createWorker, type Worker } from 'tesseract.js';

const require = createRequire(import.meta.url);

/** The Chinese model shipped in `@tesseract.js-data/chi_sim`: read from disk, never fetched. */
function chineseModel(): { langPath: string; gzip: boolean } {
  const data = require('@tesseract.js-data/chi_sim') as { langPath: string; gzip: boolean };
  return { langPath: data.langPath, gzip: data.gzip };
}

export interface OcrResult {
  text: string;
  /** Tesseract's mean word confidence, 0..1. */
  confidence: number;
}

interface Task {
  image: Buffer;
  resolve: (r: OcrResult) => void;
  reject: (e: unknown) => void;
}

/**
 * N tesseract.js workers (default: one per core) fed from one queue, fully offline: the model is
 * loaded from the package directory with caching off, so nothing is fetched or written.
 * Workers start on first use; callers bound their own queue (await before queuing more pages).
 */
export class OcrPool {
  private readonly queue: Task[] = [];
  private workers: Promise<Worker>[] = [];
  private idle: Worker[] = [];
  private closed = false;

  constructor(readonly size: number = availableParallelism()) {}

  /** Pages waiting for a worker. */
  get pending(): number {
    return this.queue.length;
  }

  recognize(image: Buffer): Promise<OcrResult> {
    if (this.closed) return Promise.reject(new Error('OCR pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ image, resolve, reject });
      this.start();
      this.dispatch();
    });
  }

  private start(): void {
    if (this.workers.length > 0) return;
    const { langPath, gzip } = chineseModel();
    for (let i = 0; i < this.size; i++) {
      const w = createWorker('chi_sim', 1, { langPath, gzip, cacheMethod: 'none' });
      this.workers.push(w);
      w.then(
        (worker) => {
          this.idle.push(worker);
          this.dispatch();
        },
        (error: unknown) => {
          for (const t of this.queue.splice(0)) t.reject(error);
        },
      );
    }
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop();
      const task = this.queue.shift();
      if (!worker || !task) return;
      worker.recognize(task.image).then(
        (r) => {
          task.resolve({ text: r.data.text, confidence: (r.data.confidence ?? 0) / 100 });
          this.release(worker);
        },
        (error: unknown) => {
          task.reject(error);
          this.release(worker);
        },
      );
    }
  }

  private release(worker: Worker): void {
    this.idle.push(worker);
    this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    const started = this.workers;
    this.workers = [];
    this.idle = [];
    for (const w of started) {
      try {
        await (await w).terminate();
      } catch {
        // A worker that failed to start has nothing to terminate.
      }
    }
  }
}
