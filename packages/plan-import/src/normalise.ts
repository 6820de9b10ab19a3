import type { RawDocument } from "./read.js";

/** What the websites that republish legal documents append: their fields, kept as a second opinion on the header. */
export interface WebMetadata {
  number: string | null;
  kind: string | null;
  issuedOn: string | null;
  place: string | null;
  signer: string | null;
}

export interface NormalisedText {
  /** Paragraphs, one per line, NFC, page furniture removed, broken lines joined. */
  text: string;
  removed: string[];
  web: WebMetadata;
}

const PAGE_NUMBER = /^(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*-)?$/i;
const BANNER = /^(Để sử dụng toàn bộ tiện ích|Bạn (phải|cần) đăng nhập|Vui lòng đăng nhập|Tải về bản|Văn bản này có (file|tệp) đính kèm)/i;
const WEB_FIELD = /^-\s*(Số hiệu|Loại văn bản|Ngày ban hành|Nơi ban hành|Người ký|Ngày công báo|Số công báo|Ngày hiệu lực|Tình trạng hiệu lực|Lĩnh vực|Cơ quan ban hành)\s*:\s*(.*)$/i;
/** "- 1Luật giáo dục 2019": the related-documents list, numbered without a space. */
const RELATED_DOC = /^-\s*\d+\s*(Luật|Bộ luật|Nghị quyết|Nghị định|Quyết định|Kế hoạch|Kết luận|Chỉ thị|Thông tư|Công văn|Chương trình|Hiến pháp|Văn bản)/;

const endsSentence = (s: string) => /[.:;!?…”"»)]\s*$|\/\.\s*$/.test(s);
/** A line that continues the previous one: it starts in lower case, or with a figure that is not a list number. */
const continues = (s: string) => /^[(“"]?\p{Ll}/u.test(s) || (/^\d/.test(s) && !/^\d+(\.\d+)*\.\s|^\d+\)\s/.test(s));
const isHeadingLine = (s: string) => /^(?:\d+(?:\.\d+)*\.|[IVX]+\.|[a-zđ]\)|Điều\s+\d+)\s/.test(s) && s.length < 220;

/** Short lines compare with their numbers masked ("Trang 3" ~ "Trang 4"); longer ones must repeat exactly. */
const furnitureKey = (l: string) => (l.trim().length < 40 ? l.trim().replace(/\d+/g, "#") : l.trim());

/** Lines repeated at the top or bottom of at least three pages: running headers and footers. */
function runningFurniture(pages: string[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const edge = new Set([...page.slice(0, 2), ...page.slice(-2)].map(furnitureKey));
    for (const l of edge) if (l && l.length < 120) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 3 && pages.length >= 3).map(([l]) => l));
}

export function normalise(doc: RawDocument): NormalisedText {
  const removed: string[] = [];
  const web: WebMetadata = { number: null, kind: null, issuedOn: null, place: null, signer: null };
  const furniture = runningFurniture(doc.pages);
  const lines: string[] = [];
  for (const page of doc.pages) {
    for (const raw of page) {
      const line = raw.normalize("NFC").replace(/[\u00a0\u2000-\u200b\t]/g, " ").replace(/ {2,}/g, " ").trim();
      if (!line) continue;
      if (furniture.has(furnitureKey(line)) || PAGE_NUMBER.test(line) || BANNER.test(line) || /^\|\s*\|?$/.test(line)) {
        removed.push(line);
        continue;
      }
      const field = WEB_FIELD.exec(line);
      if (field) {
        removed.push(line);
        const [, name, value] = field;
        const v = value!.trim();
        const key = name!.toLowerCase();
        if (key === "số hiệu") web.number = v || null;
        else if (key === "loại văn bản") web.kind = v || null;
        else if (key === "ngày ban hành") web.issuedOn = v || null;
        else if (key === "nơi ban hành") web.place = v || null;
        else if (key === "người ký") web.signer = v || null;
        // The line before the fields repeats the title: part of the same appended block.
        const prev = lines[lines.length - 1];
        if (prev !== undefined && !WEB_FIELD.test(prev) && removed.length && /^(Kế hoạch|Nghị quyết|Quyết định)\s+\S+\/\S+/.test(prev)) {
          removed.push(lines.pop()!);
        }
        continue;
      }
      if (RELATED_DOC.test(line)) {
        removed.push(line);
        continue;
      }
      lines.push(line);
    }
  }
  // Join the lines a PDF or a web copy broke in the middle of a sentence.
  const joined: string[] = [];
  for (const line of lines) {
    const prev = joined[joined.length - 1];
    const join = prev !== undefined && !endsSentence(prev) && !/^\|/.test(prev) && continues(line) && !(/^\d/.test(line) && isHeadingLine(prev));
    if (join) joined[joined.length - 1] = `${prev} ${line}`;
    else joined.push(line);
  }
  return { text: joined.join("\n"), removed, web };
}
