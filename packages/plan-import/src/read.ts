import mammoth from "mammoth";
import { LIMITS } from "./limits.js";
import { PlanImportError, refuse } from "./errors.js";
import { checkDocxArchive } from "./zip-guard.js";

export type Format = "text" | "docx" | "pdf";

/** A document as read from its file: paragraphs (one per line of text), grouped by page for PDFs. */
export interface RawDocument {
  format: Format;
  /** One entry per page (a single page for text and DOCX); each page is a list of paragraphs. */
  pages: string[][];
  pageCount: number | null;
}

export function detectFormat(buf: Buffer): Format {
  if (buf.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) return "docx";
  if (buf.includes(0)) unsupported();
  return "text";
}

function unsupported(): never {
  return refuse(
    "unsupportedFormat",
    "Không đọc được tệp: chỉ nhận văn bản thuần (.txt), Word (.docx) hoặc PDF có lớp chữ.",
    "Unsupported file: only plain text, DOCX or PDF with a text layer are accepted.",
  );
}

export async function readDocument(buf: Buffer): Promise<RawDocument> {
  if (buf.length > LIMITS.maxFileBytes)
    refuse("tooLarge", `Tệp quá lớn (${Math.round(buf.length / 1048576)} MB; tối đa ${LIMITS.maxFileBytes / 1048576} MB).`, `File too large (${Math.round(buf.length / 1048576)} MB; max ${LIMITS.maxFileBytes / 1048576} MB).`);
  const format = detectFormat(buf);
  const doc = format === "pdf" ? await readPdf(buf) : format === "docx" ? await readDocx(buf) : readText(buf);
  const chars = doc.pages.reduce((n, p) => n + p.reduce((m, l) => m + l.length, 0), 0);
  if (chars > LIMITS.maxTextChars)
    refuse("tooLong", `Văn bản quá dài (${chars.toLocaleString("vi-VN")} ký tự; tối đa ${LIMITS.maxTextChars.toLocaleString("vi-VN")}): một kế hoạch thường dưới 40 trang.`, `Document too long (${chars} characters; max ${LIMITS.maxTextChars}).`);
  return doc;
}

function readText(buf: Buffer): RawDocument {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    return unsupported();
  }
  text = text.replace(/^\uFEFF/, "").normalize("NFC");
  return { format: "text", pages: [text.split(/\r\n|\r|\n/)], pageCount: null };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}
const stripTags = (s: string) => decodeEntities(s.replace(/<br\s*\/?>/gi, " ").replace(/<[^>]+>/g, "")).trim();

/**
 * Paragraphs of mammoth's HTML. Word's automatic numbering is not text: mammoth turns it into <ol>/<li>, so the
 * numbers are written back ("1.", then "a)" one level down, "- " for bullets) — the section structure depends on them.
 */
function htmlLines(html: string): string[] {
  const lines: string[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  // mammoth starts a new <ol> after every paragraph between two items; Word's numbering runs on until a new part
  // ("II. …", "Điều 2.") — so the top level keeps counting across them.
  let topCount = 0;
  const tokens = html.match(/<\/?(?:ol|ul|li|p|h[1-6])[^>]*>|[^<]+|<[^>]+>/g) ?? [];
  let current: string | null = null;
  let prefix = "";
  const flush = () => {
    if (current !== null) {
      const t = stripTags(current);
      if (t) {
        if (!prefix && /^(?:[IVX]+\.|Điều\s+\d+)\s/u.test(t)) topCount = 0;
        lines.push(prefix + t);
      }
    }
    current = null;
    prefix = "";
  };
  for (const tok of tokens) {
    const tag = /^<(\/?)(ol|ul|li|p|h[1-6])\b/.exec(tok);
    if (!tag) {
      if (current !== null) current += tok;
      else if (tok.trim()) current = tok;
      continue;
    }
    const [, close, name] = tag;
    if (name === "ol" || name === "ul") {
      flush();
      if (close) {
        const l = lists.pop();
        if (l && lists.length === 0 && l.ordered) topCount = l.n;
      } else lists.push({ ordered: name === "ol", n: lists.length === 0 && name === "ol" ? topCount : 0 });
    } else if (name === "li") {
      flush();
      if (!close) {
        const list = lists[lists.length - 1];
        if (list) {
          list.n++;
          const depth = lists.length;
          prefix = !list.ordered ? "- " : depth <= 1 ? `${list.n}. ` : `${String.fromCharCode(96 + Math.min(list.n, 26))}) `;
        }
        current = "";
      }
    } else if (close) flush();
    else {
      if (current !== null && stripTags(current)) flush();
      current = current ?? "";
    }
  }
  flush();
  return lines;
}

async function readDocx(buf: Buffer): Promise<RawDocument> {
  checkDocxArchive(buf);
  let html: string;
  try {
    // Linked files stay unread (mammoth's default, said out loud) and images are dropped: only the words matter.
    html = (
      await mammoth.convertToHtml({ buffer: buf }, { externalFileAccess: false, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })) })
    ).value;
  } catch (e) {
    if (e instanceof PlanImportError) throw e;
    return refuse("unreadable", "Tệp Word bị hỏng, không đọc được.", "The DOCX file is damaged and cannot be read.");
  }
  // Tables become "| cell | cell |" lines (the shape of tables in text copies); paragraphs one per line.
  const lines: string[] = [];
  const blocks = html.split(/(<table>[\s\S]*?<\/table>)/);
  for (const block of blocks) {
    if (block.startsWith("<table>")) {
      for (const row of block.match(/<tr>[\s\S]*?<\/tr>/g) ?? []) {
        const cells = (row.match(/<t[dh][^>]*>[\s\S]*?<\/t[dh]>/g) ?? []).map((c) =>
          c.replace(/<\/p>\s*<p>/g, " ").replace(/\|/g, "/"),
        );
        lines.push(`| ${cells.map(stripTags).join(" | ")} |`);
      }
    } else lines.push(...htmlLines(block));
  }
  return { format: "docx", pages: [lines.map((l) => l.normalize("NFC"))], pageCount: null };
}

interface PdfItem {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

async function readPdf(buf: Buffer): Promise<RawDocument> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let pdf;
  try {
    pdf = await pdfjs.getDocument({ data: new Uint8Array(buf), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === "PasswordException")
      refuse("encrypted", "Tệp PDF được đặt mật khẩu: hãy gỡ mật khẩu rồi tải lên lại.", "The PDF is password-protected: remove the password and upload it again.");
    return refuse("unreadable", "Tệp PDF bị hỏng, không đọc được.", "The PDF is damaged and cannot be read.");
  }
  try {
    if (pdf.numPages > LIMITS.maxPdfPages)
      refuse("tooManyPages", `Tệp PDF có ${pdf.numPages} trang (tối đa ${LIMITS.maxPdfPages}): một kế hoạch thường dưới 40 trang.`, `The PDF has ${pdf.numPages} pages (max ${LIMITS.maxPdfPages}).`);
    const pages: string[][] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!("str" in it)) continue;
        items.push({ str: it.str, x: it.transform[4], y: it.transform[5], w: it.width, h: Math.abs(it.transform[3]) || it.height });
      }
      const paragraphs = pdfParagraphs(items);
      chars += paragraphs.reduce((k, p) => k + p.replace(/\s/g, "").length, 0);
      pages.push(paragraphs.map((p) => p.normalize("NFC")));
      page.cleanup();
    }
    if (chars / pdf.numPages < LIMITS.minCharsPerPage)
      refuse("noTextLayer", "Tệp PDF không có lớp chữ (bản quét ảnh): hãy dùng bản Word hoặc PDF xuất từ Word, hoặc nhận dạng chữ (OCR) trước.", "The PDF has no text layer (a scanned image): use the Word file or a PDF exported from it, or run OCR first.");
    return { format: "pdf", pages, pageCount: pdf.numPages };
  } finally {
    await pdf.destroy();
  }
}

/**
 * Rebuild paragraphs from positioned text: items on one baseline form a line; a line joins the previous one unless
 * the gap above it is wider than the usual line spacing or the previous line stopped well short of the right margin.
 */
export function pdfParagraphs(items: PdfItem[]): string[] {
  const lines: { y: number; x0: number; x1: number; h: number; text: string }[] = [];
  const sorted = items.filter((i) => i.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - it.y) < Math.max(2, it.h * 0.4)) {
      const gap = it.x - line.x1;
      const needsSpace = gap > it.h * 0.15 && !line.text.endsWith(" ") && !it.str.startsWith(" ");
      line.text += (needsSpace ? " " : "") + it.str;
      line.x1 = Math.max(line.x1, it.x + it.w);
      line.h = Math.max(line.h, it.h);
    } else {
      lines.push({ y: it.y, x0: it.x, x1: it.x + it.w, h: it.h, text: it.str });
    }
  }
  if (lines.length === 0) return [];
  const spacings: number[] = [];
  for (let i = 1; i < lines.length; i++) spacings.push(lines[i - 1]!.y - lines[i]!.y);
  const sortedSp = [...spacings].filter((s) => s > 0).sort((a, b) => a - b);
  const usual = sortedSp[Math.floor(sortedSp.length / 4)] ?? lines[0]!.h * 1.2;
  const right = Math.max(...lines.map((l) => l.x1));
  const left = Math.min(...lines.map((l) => l.x0));
  const width = right - left;
  // Justified text: every line but a paragraph's last reaches the margin, so a line short by a hair ends a paragraph.
  const justified = lines.filter((l) => right - l.x1 < 1.5).length > lines.length * 0.5;
  const paragraphs: string[] = [];
  let current = lines[0]!.text.trim();
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const line = lines[i]!;
    const gapBig = prev.y - line.y > usual * 1.35;
    const prevShort = prev.x1 < right - width * 0.12 || (justified && prev.x1 < right - 1.5 && /[.:;!?]\s*$/.test(prev.text));
    // A numbered heading, a bullet or an indented first line starts a paragraph even when the spacing does not say so.
    const startsItem = /^(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|Điều\s+\d+|[-–•+])\s/u.test(line.text.trim()) && /[.:;]\s*$/.test(current);
    const indented = line.x0 > left + 12 && prev.x0 <= left + 2;
    // A one-line numbered heading without final punctuation ends before a capitalised line; a bare number is a page number.
    const headingDone = current === prev.text.trim() && /^(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|Điều\s+\d+)\s/u.test(current) && !/[.;:,]\s*$/.test(current) && /^\p{Lu}/u.test(line.text.trim());
    const bareNumber = /^\d{1,3}$/.test(line.text.trim()) || /^\d{1,3}$/.test(current);
    if (gapBig || prevShort || startsItem || indented || headingDone || bareNumber) {
      paragraphs.push(current);
      current = line.text.trim();
    } else {
      // A line broken after "/" ("buổi/" + "ngày") or inside a number continues without a space.
      current += /[/]$/.test(current) ? line.text.trim() : " " + line.text.trim();
    }
  }
  paragraphs.push(current);
  return paragraphs.map((p) => p.replace(/\s+/g, " ").trim()).filter((p) => p.length > 0);
}
