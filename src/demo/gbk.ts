/**
 * A GBK encoder built from the platform's own GBK decoder (`TextDecoder('gbk')`), so writing the
 * demo's GBK CSV needs no extra package: every two-byte sequence is decoded once and the table is
 * inverted. Built lazily (~24,000 entries, a few milliseconds).
 */
let table: Map<string, number> | undefined;

function buildTable(): Map<string, number> {
  const decoder = new TextDecoder('gbk', { fatal: false });
  const map = new Map<string, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = decoder.decode(pair);
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, (lead << 8) | trail);
    }
  }
  return map;
}

/** Encodes text as GBK; throws on a character GBK cannot represent (a generator bug, not user data). */
export function encodeGbk(text: string): Uint8Array {
  table ??= buildTable();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    const gbk = table.get(ch);
    if (gbk === undefined) throw new Error(`demo: “${ch}” has no GBK encoding`);
    out[n++] = gbk >> 8;
    out[n++] = gbk & 0xff;
  }
  return out.subarray(0, n);
}
