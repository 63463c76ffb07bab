/**
 * Old Excel (.xls, BIFF8 in an OLE container) read by converting it to .xlsx with LibreOffice
 * headless (Debian's `libreoffice-calc-nogui`), then through the same streaming .xlsx reader, limits
 * and report as any workbook. Why LibreOffice and not a JS parser: see README (“旧版 .xls”).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../domain/app-error.ts';

/** A conversion taking longer is a hostile or broken file: the process is killed. */
const CONVERT_TIMEOUT_MS = 120_000;

/** Where `soffice` is looked for: `ZHIJIAN_SOFFICE` overrides (tests, other installs). */
function sofficePath(): string {
  return process.env.ZHIJIAN_SOFFICE ?? 'soffice';
}

export interface ConvertedWorkbook {
  /** The .xlsx written by LibreOffice, inside a private temporary folder. */
  readonly path: string;
  /** Removes the temporary folder (its profile and the converted file). */
  readonly dispose: () => Promise<void>;
}

function run(file: string, args: string[], timeout: number): Promise<{ error?: Error }> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      // No shell, a clean environment: the file name and the user's settings never reach it.
      { timeout, killSignal: 'SIGKILL', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } },
      (error) => resolve(error ? { error } : {}),
    );
  });
}

/**
 * Converts `path` (.xls, a BIFF workbook in an OLE container) to .xlsx. The file is copied under a fixed name first, so a name holding
 * a person's details never appears in a process list; each conversion has its own throwaway
 * LibreOffice profile (parallel conversions never share one). Refusals name the file `name`.
 */
export async function convertXlsToXlsx(path: string, name: string): Promise<ConvertedWorkbook> {
  const dir = await mkdtemp(join(tmpdir(), 'zhijian-xls-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const input = join(dir, 'workbook.xls');
    await copyFile(path, input);
    const { error } = await run(
      sofficePath(),
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        // Read as BIFF only: a broken container is refused, not guessed as a text table.
        '--infilter=MS Excel 97',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        join(dir, 'out'),
        input,
      ],
      CONVERT_TIMEOUT_MS,
    );
    if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError(
        'XLS_NOT_SUPPORTED',
        `文件 ${name} 是旧版 Excel（.xls）格式，本服务器未安装 LibreOffice（libreoffice-calc-nogui）无法读取；请安装后重试，或用 Excel 打开后“另存为” .xlsx 再导入`,
      );
    }
    const out = await readdir(join(dir, 'out')).catch(() => [] as string[]);
    const xlsx = out.find((f) => f.endsWith('.xlsx'));
    if (!xlsx) {
      const killed = error && 'killed' in error && error.killed;
      throw new AppError(
        'CORRUPT_XLSX',
        killed
          ? `文件 ${name} 转换超时（超过 ${CONVERT_TIMEOUT_MS / 1000} 秒），可能已损坏；请用 Excel 打开后“另存为” .xlsx 再导入`
          : `无法读取旧版 Excel 文件 ${name}：文件已损坏或设置了打开密码；请在 Excel 中取消密码并“另存为” .xlsx 后再导入`,
      );
    }
    return { path: join(dir, 'out', xlsx), dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
