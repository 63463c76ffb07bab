/** Minimal hand-written PDFs for the bad-input tests: many pages, or an /Encrypt dictionary. */

function assemble(objects: string[], trailerExtra = ''): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A PDF of `pages` pages, each with one line of Latin text. */
export function manyPagesPdf(pages: number): Buffer {
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const kids: string[] = [];
  for (let p = 0; p < pages; p++) {
    const stream = `BT /F1 12 Tf 72 720 Td (Page ${p + 1} of a long scan) Tj ET`;
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    const contentRef = objects.length;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${contentRef} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
    );
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  return assemble(objects);
}

/** A PDF whose trailer says it is encrypted (Standard handler) with a user password we do not have. */
export function encryptedPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /P -44 /O <${'a1'.repeat(32)}> /U <${'b2'.repeat(32)}> >>`,
  ];
  return assemble(objects, `/Encrypt 4 0 R /ID [<${'c3'.repeat(16)}> <${'c3'.repeat(16)}>] `);
}

/** A .docx-named zip whose directory promises entries far larger than any document (a zip bomb). */
export function zipBomb(): Buffer {
  const name = Buffer.from('word/document.xml', 'latin1');
  const data = Buffer.from([0x03, 0x00]); // an empty deflate stream
  const claimed = 0xfff00000; // ~4 GB stated uncompressed size
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(claimed, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(claimed, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + name.length + data.length;
  const cd = Buffer.concat([central, name]);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, cd, eocd]);
}

/**
 * A scanned PDF of `pages` pages that all show the same image (one shared XObject), so a
 * 1,000-page scan costs one image of disk: `gray` is 8-bit grey pixels, `width` × `height`.
 */
export function sharedImagePdf(
  pages: number,
  gray: Uint8Array,
  width: number,
  height: number,
  deflate: (b: Uint8Array) => Buffer,
): Buffer {
  const data = deflate(gray);
  const head = '%PDF-1.4\n';
  const chunks: Buffer[] = [Buffer.from(head, 'latin1')];
  let length = head.length;
  const offsets: number[] = [];
  const add = (body: string | Buffer[]): void => {
    offsets.push(length);
    const parts = typeof body === 'string' ? [Buffer.from(body, 'latin1')] : body;
    const id = offsets.length;
    const buf = Buffer.concat([
      Buffer.from(`${id} 0 obj\n`, 'latin1'),
      ...parts,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    chunks.push(buf);
    length += buf.length;
  };
  const kids = Array.from({ length: pages }, (_, i) => `${5 + i} 0 R`).join(' ');
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  add([
    Buffer.from(
      `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
      'latin1',
    ),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
  const draw = 'q 595 0 0 842 0 0 cm /Im0 Do Q';
  add(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
  for (let i = 0; i < pages; i++)
    add(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im0 3 0 R >> >> >>',
    );
  let xref = `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks);
}
