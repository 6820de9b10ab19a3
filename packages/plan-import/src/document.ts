import { normaliseDocumentNumber } from "@eduplan/domain";
import type { DocLevel } from "./dictionaries/agencies.js";
import { fold, foldPlain } from "./fold.js";
import type { WebMetadata } from "./normalise.js";
import type { Citation, DocumentFinding, Source } from "./types.js";

const KIND_LINE: [RegExp, DocumentFinding["kind"]][] = [
  [/^ke hoach$/, "plan"],
  [/^nghi quyet$/, "resolution"],
  [/^quyet dinh$/, "decision"],
];

const CITED_KINDS =
  "Nghị quyết|Quyết định|Kế hoạch|Kết luận|Chỉ thị|Nghị định|Thông tư|Chương trình hành động|Tờ trình|Công văn|Hướng dẫn";
const NUMBER = String.raw`\d+(?:\/\d{4})?\s?[-/]\s?[A-ZĐ][A-ZĐa-z]*(?:[-/][A-ZĐ][A-ZĐa-z]*)*`;
const CITATION = new RegExp(
  String.raw`(?<kind>${CITED_KINDS})(?:\s+số)?\s+(?<number>${NUMBER})(?:,?\s+ngày\s+(?<date>\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?`,
  "gu",
);
/** "… của Bộ Chính trị về …": the issuer runs from "của" to the first word that starts the subject. */
function issuerAfter(text: string, at: number): string | null {
  const m = /^,?\s+của\s+([^,;.“"(\n]{1,90})/u.exec(text.slice(at));
  if (!m) return null;
  const cut = m[1]!.split(/\s(?:về|phê duyệt|quy định|khóa|khoá|và|tiếp|ban hành|đã|năm|trên|thực hiện)(?:\s|$)/u)[0]!.trim();
  return cut || null;
}

function isoDate(d: string): { iso: string | null; valid: boolean } {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(d) ?? /^(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$/.exec(d);
  if (!m) return { iso: null, valid: false };
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(year, month - 1, day));
  const valid = dt.getUTCFullYear() === year && dt.getUTCMonth() === month - 1 && dt.getUTCDate() === day;
  return { iso: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`, valid };
}

function span(text: string, start: number, end: number, section: string | null = null): Source {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const lineEnd = text.indexOf("\n", end);
  return { start, end, sentence: text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd), section };
}

export function extractDocument(text: string, web: WebMetadata): DocumentFinding {
  const lines = text.split("\n");
  const notes: string[] = [];
  const spans: Record<string, Source> = {};
  let offset = 0;
  const lineOffsets = lines.map((l) => {
    const o = offset;
    offset += l.length + 1;
    return o;
  });

  let kind: DocumentFinding["kind"] = "other";
  let kindLine = -1;
  for (let i = 0; i < Math.min(lines.length, 40); i++) {
    const f = foldPlain(lines[i]!.replace(/\|/g, " "));
    const k = KIND_LINE.find(([re]) => re.test(f));
    if (k) {
      kind = k[1];
      kindLine = i;
      spans.kind = span(text, lineOffsets[i]!, lineOffsets[i]! + lines[i]!.length);
      break;
    }
  }

  // Number: "Số: 243/KH-UBND"; a blank number keeps its symbol ("Số: /KH-UBND").
  let number: string | null = null;
  let symbol: string | null = null;
  const numM = /Số\s*:\s*(\d*)\s*\/\s*([A-ZĐ]+(?:-[A-ZĐ]+)*)/u.exec(text.slice(0, 3000));
  if (numM) {
    symbol = numM[2]!;
    number = numM[1] ? `${numM[1]}/${numM[2]}` : null;
    spans.number = span(text, numM.index, numM.index + numM[0].length);
    if (!numM[1]) notes.push("Văn bản để trống số hiệu (“Số: /" + symbol + "”).");
  }
  if (web.number) {
    const w = web.number.replace(/\s+/g, "");
    if (!number) {
      number = w;
      notes.push(`Số hiệu lấy từ phần thông tin do trang web đăng tải thêm: ${w}.`);
    } else if (normaliseDocumentNumber(w) !== normaliseDocumentNumber(number)) notes.push(`Hai số hiệu khác nhau cho cùng văn bản: ${number} (đầu văn bản) và ${w} (trang web); chưa chọn.`);
  }

  // Place and date: "Lạng Sơn, ngày 21 tháng 9 năm 2025"; the day may be blank.
  let place: string | null = null;
  let dateParts: DocumentFinding["dateParts"] = null;
  let date: string | null = null;
  const dm = /(?:^|\|\s*)([\p{Lu}][\p{L}]*(?:\s[\p{Lu}][\p{L}]*){0,3}),\s*ngày\s*(\d{1,2})?\s*(?:tháng\s*(\d{1,2}))?\s*(?:năm\s*(\d{4}))?/mu.exec(text.slice(0, 3000));
  if (dm) {
    place = dm[1]!;
    dateParts = { day: dm[2] ? Number(dm[2]) : null, month: dm[3] ? Number(dm[3]) : null, year: dm[4] ? Number(dm[4]) : null };
    spans.date = span(text, dm.index, dm.index + dm[0].length);
    if (dateParts.day && dateParts.month && dateParts.year) {
      const d = isoDate(`${dateParts.day}/${dateParts.month}/${dateParts.year}`);
      date = d.valid ? d.iso : null;
      if (!d.valid) notes.push(`Ngày ban hành không tồn tại: ${dateParts.day}/${dateParts.month}/${dateParts.year}.`);
    } else notes.push("Ngày ban hành chưa đầy đủ (để trống ngày).");
  }
  // A resolution is dated by its adoption ("… thông qua ngày 16 tháng 10 năm 2025").
  const adopted = /thông qua ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u.exec(text);
  if (!date && adopted) {
    const d = isoDate(`${adopted[1]}/${adopted[2]}/${adopted[3]}`);
    if (d.valid) {
      date = d.iso;
      dateParts = { day: Number(adopted[1]), month: Number(adopted[2]), year: Number(adopted[3]) };
      spans.date = span(text, adopted.index, adopted.index + adopted[0].length);
    }
  }
  if (web.issuedOn) {
    const d = isoDate(web.issuedOn);
    if (d.iso && date && d.iso !== date) notes.push(`Ngày ban hành khác nhau: ${date} (văn bản) và ${d.iso} (trang web).`);
    if (d.iso && !date && d.valid) date = d.iso;
  }

  // Title: the lines after the kind line, up to the first "Căn cứ"/"Thực hiện" or the issuing body's name.
  let title: string | null = null;
  if (kindLine >= 0) {
    const parts: string[] = [];
    let start = -1;
    for (let i = kindLine + 1; i < Math.min(lines.length, kindLine + 6); i++) {
      const l = lines[i]!.trim();
      const f = foldPlain(l);
      if (!l || /^(can cu|thuc hien|xet|hoi dong nhan dan|uy ban nhan dan|so:)/.test(f) || /^khoa [xvi]+/.test(f)) break;
      if (start < 0) start = lineOffsets[i]!;
      parts.push(l);
      spans.title = span(text, start, lineOffsets[i]! + lines[i]!.length);
    }
    if (parts.length) {
      const raw = parts.join(" ");
      // Headline capitals become sentence case; proper nouns after "tỉnh/huyện/xã" and document numbers keep theirs.
      title = raw;
    }
  }

  // Issuer and locality: "Ủy ban nhân dân (UBND) tỉnh Lạng Sơn", "UBND huyện Mường Tè", "HỘI ĐỒNG NHÂN DÂN XÃ BẰNG MẠC".
  let issuer: string | null = null;
  let localityLevel: DocLevel | null = null;
  let localityName: string | null = null;
  const ISSUER = /(Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND|ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)(?:\s*\((?:UBND|HĐND)\))?[ ]+(tỉnh|huyện|xã|phường|TỈNH|HUYỆN|XÃ|PHƯỜNG)[ ]+([\p{Lu}][\p{L}]*(?:[ ][\p{Lu}][\p{L}]*){0,2})/gu;
  // The body that issues: a line of its own ("HỘI ĐỒNG NHÂN DÂN XÃ BẰNG MẠC") or the subject of "… ban hành / xây
  // dựng kế hoạch"; never a body the text cites ("… của UBND tỉnh Lai Châu").
  const candidates = [...text.matchAll(ISSUER)].filter((m) => !/(của|Căn cứ|số)\s*$/u.test(text.slice(Math.max(0, m.index! - 12), m.index!)));
  const wholeLine = (m: RegExpMatchArray) => {
    const ls = text.lastIndexOf("\n", m.index! - 1) + 1;
    const le = text.indexOf("\n", m.index!);
    return text.slice(ls, le < 0 ? text.length : le).trim() === m[0].trim();
  };
  const im =
    candidates.find(wholeLine) ??
    candidates.find((m) => /^\s*(ban hành|xây dựng|phê duyệt)/u.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 20))) ??
    candidates[0] ??
    null;
  if (im) {
    const level = im[2]!.toLowerCase();
    localityLevel = level === "tỉnh" ? "province" : level === "huyện" ? "district" : "commune";
    const cap = (w: string) => w[0]! + w.slice(1).toLowerCase();
    localityName = im[3]!.split(/\s+/).map(cap).join(" ");
    const body = /^(ủy|uỷ|ubnd)/i.test(im[1]!) ? "Ủy ban nhân dân" : "Hội đồng nhân dân";
    issuer = `${body} ${level} ${localityName}`;
    spans.issuer = span(text, im.index, im.index + im[0].length);
  }

  // A headline in capitals becomes sentence case; the locality's name and document numbers keep their capitals.
  if (title && title === title.toUpperCase()) {
    let t = title.toLowerCase().replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    t = t.replace(/(\d+\/[\p{L}-]+)/gu, (n) => n.toUpperCase());
    for (const [lower, proper] of [
      [localityName?.toLowerCase(), localityName],
      ["hội đồng nhân dân", "Hội đồng nhân dân"],
      ["ủy ban nhân dân", "Ủy ban nhân dân"],
      ["chiến lược", "Chiến lược"],
      ["nghị quyết", "Nghị quyết"],
      ["kế hoạch", "Kế hoạch"],
    ] as const)
      if (lower && proper) t = t.split(lower).join(proper);
    title = t.replace(/^./u, (c) => c.toUpperCase());
  }

  // Signer: the name under "TM. …", "KT. CHỦ TỊCH", "CHỦ TỊCH", or the web copy's "Người ký".
  let signer: string | null = null;
  let signerTitle: string | null = null;
  let signedOnBehalfOf: string | null = null;
  const tail = lines.slice(-15);
  for (let i = 0; i < tail.length; i++) {
    const l = tail[i]!.replace(/\|/g, " ").trim();
    const tm = /^TM\.\s*(.+)$/u.exec(l);
    if (tm) signedOnBehalfOf = tm[1]!.trim();
    if (/^(KT\.\s*)?(PHÓ )?CHỦ TỊCH$/u.test(l)) signerTitle = l.replace(/^KT\.\s*/u, "").trim();
  }
  const nameLine = [...tail].reverse().find((l) => /^[\p{Lu}][\p{Ll}]+(?:\s[\p{Lu}][\p{Ll}]+){1,3}$/u.test(l.trim()));
  if (nameLine && (signerTitle || signedOnBehalfOf)) {
    signer = nameLine.trim();
    const at = text.lastIndexOf(nameLine);
    spans.signer = span(text, at, at + nameLine.length);
  } else if (web.signer) {
    signer = web.signer;
    notes.push(`Người ký lấy từ phần thông tin do trang web đăng tải thêm: ${web.signer}.`);
  }
  if (signerTitle) signerTitle = signerTitle[0] + signerTitle.slice(1).toLowerCase();

  // Period and vision: "đến năm 2030, tầm nhìn đến năm 2045", "giai đoạn 2026-2030".
  const head = fold((title ?? "") + " " + lines.slice(0, 30).join(" ")).text;
  const pe = /den nam (\d{4})/.exec(head);
  const vy = /tam nhin (?:den nam |den )?(\d{4})/.exec(head);
  const ps = /giai doan (\d{4}) ?- ?(\d{4})/.exec(foldPlain(title ?? ""));

  // Documents cited: the first one after "Thực hiện"/"Căn cứ Kế hoạch" is implemented; "Căn cứ" lines are the legal basis.
  const citations: Citation[] = [];
  const seen = new Map<string, Citation>();
  for (const m of text.matchAll(CITATION)) {
    const g = m.groups!;
    const num = g.number!.replace(/\s+/g, "");
    const lineStart = text.lastIndexOf("\n", m.index! - 1) + 1;
    const lead = foldPlain(text.slice(lineStart, m.index!));
    const relation: Citation["relation"] = /^thuc hien$/.test(lead) ? "implements" : /^can cu$/.test(lead) ? "legalBasis" : /^xet$/.test(lead) ? "considered" : "cites";
    const d = g.date ? isoDate(g.date) : null;
    const notesC: string[] = [];
    if (d && !d.valid) notesC.push(`Ngày không tồn tại trong văn bản: ${g.date} (giữ nguyên, không tự sửa).`);
    const key = normaliseDocumentNumber(num);
    const prev = seen.get(key);
    if (prev) {
      if (!prev.date && d?.iso) prev.date = d.iso;
      if (relation !== "cites" && prev.relation === "cites") prev.relation = relation;
      continue;
    }
    const c: Citation = {
      id: `c${citations.length + 1}`,
      kind: g.kind!,
      number: num,
      date: d?.iso ?? null,
      issuer: issuerAfter(text, m.index! + m[0].length),
      relation,
      knownDocumentId: null,
      source: span(text, m.index!, m.index! + m[0].length),
      notes: notesC,
    };
    seen.set(key, c);
    citations.push(c);
  }
  // Plain "Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019".
  for (const m of text.matchAll(/^Căn cứ (Luật [^;\n]+?)(?: ngày (\d{1,2} tháng \d{1,2} năm \d{4}))?\s*;/gmu)) {
    citations.push({ id: `c${citations.length + 1}`, kind: m[1]!.trim(), number: null, date: m[2] ? isoDate(m[2]).iso : null, issuer: null, relation: "legalBasis", knownDocumentId: null, source: span(text, m.index!, m.index! + m[0].length), notes: [] });
  }
  // One kind, one date, two numbers: probably one document written two ways. Note it; do not choose.
  for (const a of citations)
    for (const b of citations)
      if (a !== b && a.kind === b.kind && a.date && a.date === b.date && a.number && b.number && normaliseDocumentNumber(a.number) !== normaliseDocumentNumber(b.number))
        a.notes.push(`Cùng loại và ngày với ${b.kind} ${b.number} nhưng khác số hiệu (${a.number}): có thể là một văn bản, chưa chọn.`);
  if (number) {
    const self = citations.findIndex((c) => c.number !== null && normaliseDocumentNumber(c.number) === normaliseDocumentNumber(number));
    if (self >= 0) citations.splice(self, 1);
  }
  // Without "Thực hiện …", the local plan or resolution it is based on is the one it implements (its parent).
  const implemented =
    citations.find((c) => c.relation === "implements") ??
    [...citations].reverse().find((c) => c.relation === "legalBasis" && /^(Kế hoạch|Nghị quyết)$/.test(c.kind ?? "") && /UBND|HĐND/.test(c.number ?? ""));
  if (implemented) implemented.relation = "implements";

  return {
    kind,
    number,
    symbol,
    issuer,
    localityLevel,
    localityName,
    place,
    date,
    dateParts,
    signer,
    signerTitle,
    signedOnBehalfOf,
    title,
    periodStart: ps ? Number(ps[1]) : null,
    periodEnd: pe ? Number(pe[1]) : null,
    visionYear: vy ? Number(vy[1]) : null,
    citations,
    notes,
    spans,
  };
}

/**
 * Link citations to documents already in the system by normalised number ("57- NQ/TW" = "57-NQ/TW"); the rest stay
 * citations. Pure: returns new citations.
 */
export function linkCitations(citations: Citation[], known: { id: string; number: string | null }[]): Citation[] {
  const byNumber = new Map(known.filter((k) => k.number).map((k) => [normaliseDocumentNumber(k.number!), k.id]));
  return citations.map((c) => ({ ...c, knownDocumentId: c.number ? (byNumber.get(normaliseDocumentNumber(c.number)) ?? null) : null }));
}
