import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { AppError } from '../../domain/app-error.ts';

/** What the zip's central directory declares. */
export interface ZipDeclaration {
  entries: number;
  compressed: number;
  uncompressed: number;
  /** Highest uncompressed/compressed ratio of an entry larger than 1 MB. */
  maxRatio: number;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;

/**
 * Reads the sizes a zip (xlsx) declares in its central directory, without inflating anything.
 * Returns undefined when the file is not a zip (CSV): the caller then has nothing to check.
 */
export function readZipDeclaration(path: string): ZipDeclaration | undefined {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return undefined;
    let entries = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    // ZIP64: the real numbers are in the ZIP64 end record the locator points at.
    if (eocd >= 20 && tail.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
      const at = Number(tail.readBigUInt64LE(eocd - 20 + 8));
      const rec = Buffer.alloc(56);
      readSync(fd, rec, 0, 56, at);
      if (rec.readUInt32LE(0) === ZIP64_EOCD) {
        entries = Number(rec.readBigUInt64LE(32));
        cdSize = Number(rec.readBigUInt64LE(40));
        cdOffset = Number(rec.readBigUInt64LE(48));
      }
    }
    if (cdSize > 64 * 1024 * 1024 || cdOffset + cdSize > size) {
      throw new AppError('BAD_ZIP', '文件结构损坏（压缩目录越界），无法读取');
    }
    const cd = Buffer.alloc(cdSize);
    readSync(fd, cd, 0, cdSize, cdOffset);
    const result: ZipDeclaration = { entries: 0, compressed: 0, uncompressed: 0, maxRatio: 0 };
    let p = 0;
    while (p + 46 <= cd.length && cd.readUInt32LE(p) === CEN) {
      let compressed = cd.readUInt32LE(p + 20);
      let uncompressed = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      // ZIP64 extra field (0x0001) holds the sizes that overflowed 32 bits.
      let e = p + 46 + nameLength;
      const end = e + extraLength;
      while (e + 4 <= end) {
        const id = cd.readUInt16LE(e);
        const len = cd.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (uncompressed === 0xffffffff && q + 8 <= e + 4 + len) {
            uncompressed = Number(cd.readBigUInt64LE(q));
            q += 8;
          }
          if (compressed === 0xffffffff && q + 8 <= e + 4 + len)
            compressed = Number(cd.readBigUInt64LE(q));
        }
        e += 4 + len;
      }
      result.entries++;
      result.compressed += compressed;
      result.uncompressed += uncompressed;
      if (uncompressed > 1_000_000) {
        result.maxRatio = Math.max(result.maxRatio, uncompressed / Math.max(compressed, 1));
      }
      p = end + commentLength;
    }
    if (result.entries < entries) {
      throw new AppError('BAD_ZIP', '文件结构损坏（压缩目录不完整），无法读取');
    }
    return result;
  } finally {
    closeSync(fd);
  }
}

/** Real xlsx sheets compress 5–30×; a bomb compresses 1000× and more. */
export const MAX_RATIO = 200;

/**
 * Refuses an xlsx whose declared uncompressed size exceeds the limit, or whose compression ratio is
 * that of a zip bomb — before any parser inflates it.
 */
export function assertNotZipBomb(path: string, fileName: string, maxUncompressed: number): void {
  const decl = readZipDeclaration(path);
  if (!decl) return;
  const gb = (n: number) => `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (decl.uncompressed > maxUncompressed) {
    throw new AppError(
      'ZIP_BOMB',
      `文件 ${fileName} 解压后大小 ${gb(decl.uncompressed)} 超过上限 ${gb(maxUncompressed)}，疑似压缩炸弹，已拒绝`,
    );
  }
  if (decl.maxRatio > MAX_RATIO) {
    throw new AppError(
      'ZIP_BOMB',
      `文件 ${fileName} 压缩比异常（${Math.round(decl.maxRatio)} 倍），疑似压缩炸弹，已拒绝`,
    );
  }
}
