/**
 * Test fixtures made from text: a DOCX (the `docx` package, as packages/reporting uses) and a PDF with a real text
 * layer (pdfkit with an embedded DejaVu Sans, which has every Vietnamese glyph), plus hostile and unreadable files.
 * Test-only: nothing in the package imports this file.
 */
import { createRequire } from "node:module";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import JSZip from "jszip";
import PDFDocument from "pdfkit";

const require = createRequire(import.meta.url);
const FONT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");

/**
 * One DOCX paragraph per line; runs of "| a | b |" lines become a table. With `autoNumber`, "1. …" and "a) …" lines
 * become Word's automatic numbering (the number is no longer in the text), as officers' files often are.
 */
export async function textToDocx(text: string, options: { autoNumber?: boolean } = {}): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  let instance = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\|.*\|\s*$/.test(line) && line.split("|").length > 3) {
      const rows: string[][] = [];
      while (i < lines.length && /^\|.*\|\s*$/.test(lines[i]!) && lines[i]!.split("|").length > 3) {
        rows.push(lines[i]!.replace(/^\|\s*|\s*\|\s*$/g, "").split(/\s*\|\s*/));
        i++;
      }
      i--;
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: rows.map((cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
        }),
      );
    } else if (options.autoNumber && /^(\d+)\.\s+\S/.test(line)) {
      const n = Number(/^(\d+)/.exec(line)![1]);
      // A new list instance whenever the numbering restarts at 1, as Word does under each heading.
      if (n === 1) instance++;
      children.push(new Paragraph({ text: line.replace(/^\d+\.\s+/, ""), numbering: { reference: "decimal", level: 0, instance } }));
    } else if (options.autoNumber && /^[a-zđ]\)\s+\S/.test(line)) {
      if (line.startsWith("a)")) instance++;
      children.push(new Paragraph({ text: line.replace(/^[a-zđ]\)\s+/, ""), numbering: { reference: "decimal", level: 1, instance } }));
    } else children.push(new Paragraph({ children: [new TextRun(line)] }));
  }
  return Packer.toBuffer(
    new Document({
      numbering: {
        config: [
          {
            reference: "decimal",
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START },
              { level: 1, format: LevelFormat.LOWER_LETTER, text: "%2)", alignment: AlignmentType.START },
            ],
          },
        ],
      },
      sections: [{ children }],
    }),
  );
}

export interface PdfOptions {
  /** A running header printed on every page (page furniture the reader must drop). */
  header?: string;
  /** "Trang N" at the foot of every page. */
  pageNumbers?: boolean;
  userPassword?: string;
  /** Justified lines and no space between paragraphs: only line lengths and numbering tell paragraphs apart. */
  dense?: boolean;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  return new Promise((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
}

/** One PDF paragraph per line of text, wrapped to the page, with optional running header and page numbers. */
export async function textToPdf(text: string, options: PdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margins: { top: 60, bottom: 60, left: 60, right: 60 }, bufferPages: true, ...(options.userPassword ? { userPassword: options.userPassword, ownerPassword: `${options.userPassword}-owner` } : {}) });
  const done = collect(doc);
  doc.font(FONT).fontSize(11);
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) {
      if (!options.dense) doc.moveDown(0.6);
      continue;
    }
    doc.text(line, { align: options.dense ? "justify" : "left" });
    if (!options.dense) doc.moveDown(0.4);
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (options.header) doc.fontSize(9).text(options.header, 60, 25, { lineBreak: false });
    if (options.pageNumbers) doc.fontSize(9).text(`Trang ${i + 1}`, 60, doc.page.height - 35, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** A "scanned" PDF: pages with drawings only, no text layer. */
export async function scannedPdf(pages = 2): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4" });
  const done = collect(doc);
  for (let p = 0; p < pages; p++) {
    if (p) doc.addPage();
    for (let y = 80; y < 760; y += 14) doc.rect(60, y, 300 + ((y * 7) % 170), 8).fill("#333");
  }
  doc.end();
  return done;
}

/** A PDF with `pages` pages of text. */
export async function longPdf(pages: number): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4" });
  const done = collect(doc);
  doc.font(FONT).fontSize(11);
  for (let p = 0; p < pages; p++) {
    if (p) doc.addPage();
    doc.text(`Trang ${p + 1}: Tỷ lệ huy động trẻ nhà trẻ đến trường đạt 48,5%.`);
  }
  doc.end();
  return done;
}

/** A DOCX whose document.xml declares an external entity. */
export async function docxWithExternalEntity(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await textToDocx("KẾ HOẠCH\nTỷ lệ huy động trẻ nhà trẻ đến trường đạt 48,5%."));
  const xml = await zip.file("word/document.xml")!.async("string");
  zip.file("word/document.xml", xml.replace(/^(<\?xml[^>]*\?>)?/, `$1<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A zip bomb dressed as a DOCX: one entry that inflates a thousandfold. */
export async function docxZipBomb(megabytes = 40): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await textToDocx("KẾ HOẠCH"));
  zip.file("word/media/padding.bin", Buffer.alloc(megabytes * 1024 * 1024));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** A DOCX whose central directory under-declares an entry's size (the bomb that lies). */
export async function docxLyingSizes(): Promise<Buffer> {
  const buf = Buffer.from(await docxZipBomb(8));
  // Rewrite every central-directory entry's uncompressed size to its compressed size (ratio 1:1).
  let eocd = buf.length - 22;
  while (eocd > 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = 0; k < count; k++) {
    buf.writeUInt32LE(buf.readUInt32LE(p + 20), p + 24);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}
