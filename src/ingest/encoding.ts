/**
 * Text encodings of CSV exports seen in practice: UTF-8 (with or without BOM, Excel's "CSV UTF-8"),
 * GBK/GB18030 (Excel's default "CSV" on Chinese Windows), and rarely UTF-16 with BOM.
 */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DetectedEncoding {
  readonly encoding: TextEncoding;
  /** Bytes of the byte-order mark to skip. */
  readonly bomLength: number;
}

/**
 * Detects the encoding from the first bytes of a file: a BOM decides; otherwise the sample must be
 * valid UTF-8 (a multi-byte sequence cut at the end of the sample is tolerated), else GB18030, the
 * superset of GBK that decodes every byte sequence Chinese Windows writes.
 */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3 };
  }
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: isUtf8(sample) ? 'utf-8' : 'gb18030', bomLength: 0 };
}

function isUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return false;
    if (i + need >= n) return true; // cut at the end of the sample
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k] as number;
      if (c < 0x80 || c > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}
