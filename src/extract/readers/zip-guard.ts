/**
 * Checks a .docx (a zip) before it is unpacked: the central directory states each entry's
 * uncompressed size, so a zip bomb is refused without inflating a byte. Pure.
 */
export interface ZipCheck {
  ok: boolean;
  /** Chinese reason when not ok. */
  reason?: string;
  totalUncompressed: number;
}

export const MAX_UNCOMPRESSED = 64 * 1024 * 1024;
const MAX_RATIO = 200;

export function checkZip(buf: Uint8Array, maxUncompressed = MAX_UNCOMPRESSED): ZipCheck {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: '不是有效的 Word（zip）文件', totalUncompressed: 0 };
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || view.getUint32(p, true) !== 0x02014b50)
      return { ok: false, reason: 'Word 文件的目录已损坏', totalUncompressed: total };
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    // 0xFFFFFFFF: a zip64 size, which no real .docx needs.
    if (size === 0xffffffff || compressed === 0xffffffff)
      return { ok: false, reason: 'Word 文件中的条目过大（zip64）', totalUncompressed: total };
    total += size;
    if (total > maxUncompressed)
      return {
        ok: false,
        reason: `解压后超过 ${Math.round(maxUncompressed / 1048576)} MB，疑似压缩炸弹，已拒绝`,
        totalUncompressed: total,
      };
    if (size > 1048576 && size / Math.max(1, compressed) > MAX_RATIO)
      return {
        ok: false,
        reason: `压缩比异常（${Math.round(size / Math.max(1, compressed))} 倍），疑似压缩炸弹，已拒绝`,
        totalUncompressed: total,
      };
    p +=
      46 +
      view.getUint16(p + 28, true) +
      view.getUint16(p + 30, true) +
      view.getUint16(p + 32, true);
  }
  return { ok: true, totalUncompressed: total };
}
