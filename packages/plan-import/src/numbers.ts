import { parseVietnameseNumber } from "@eduplan/domain";
import type { Comparator } from "@eduplan/domain";

/** A figure found in a folded sentence, with what the words around it say about the comparison. */
export interface ValueExpr {
  start: number;
  end: number;
  value: number;
  valueMax: number | null;
  text: string;
  percent: boolean;
  comparator: Comparator;
  approximate: boolean;
  counted: { count: number; outOf: number; entity: string } | null;
}

const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const VALUE_RE = new RegExp(String.raw`(?<num>${NUM})(?:\s*(?:-|–|—)\s*(?<num2>${NUM}))?(?<pct>\s*%)?`, "g");
const COMPARATOR_BEFORE = /(?:dat|it nhat|toi thieu|tren|duoi|xuong|la|khoang)\s*$/;
const NOT_A_TARGET_BEFORE = /(?:muc do|lop|do tuoi|tuoi|nam|giai doan|cap|so|ngay|thang|khoa|lan thu|buoc)\s*(?:tu\s*)?$/;
const NOT_A_TARGET_AFTER = /^\s*(?:tuoi|thang|nam|buoi|gio|ngay|lan|phut)/;
const COUNTED = /^(\d+)\s*\/\s*(\d+)\s+(xa|phuong|thi tran|truong|don vi|huyen|co so)/;

/** Figures that state a target: every percentage, a number after a comparator word, "4/10 xã", and "tất cả" (= 100%). */
export function valueExpressions(folded: string, original: (s: number, e: number) => string): ValueExpr[] {
  const out: ValueExpr[] = [];
  for (const m of folded.matchAll(VALUE_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    const prevChar = folded[start - 1] ?? " ";
    const nextChar = folded[end] ?? " ";
    if (/[a-z0-9/.,-]/.test(prevChar) && !/[ (]/.test(prevChar)) continue;
    const before = folded.slice(Math.max(0, start - 30), start);
    const after = folded.slice(end, end + 30);
    const counted = COUNTED.exec(folded.slice(start));
    if (counted) {
      const count = Number(counted[1]);
      const outOf = Number(counted[2]);
      if (count <= outOf) {
        out.push({
          start,
          end: start + counted[0].length,
          value: count,
          valueMax: null,
          text: original(start, start + counted[0].length),
          percent: false,
          comparator: /(it nhat|toi thieu|tro len)/.test(before + after) ? "gte" : "eq",
          approximate: /khoang\s*$/.test(before),
          counted: { count, outOf, entity: counted[3]! },
        });
        continue;
      }
    }
    if (nextChar === "/" || /^[-–]\s*[a-z]/.test(folded.slice(end))) continue;
    const percent = m.groups!.pct !== undefined;
    if (!percent) {
      if (!COMPARATOR_BEFORE.test(before) || NOT_A_TARGET_AFTER.test(after)) continue;
      if (m.groups!.num2) continue;
    }
    if (!percent && NOT_A_TARGET_BEFORE.test(before)) continue;
    const value = parseVietnameseNumber(m.groups!.num!);
    if (value === null) continue;
    const valueMax = m.groups!.num2 ? parseVietnameseNumber(m.groups!.num2) : null;
    let comparator: Comparator;
    if (valueMax !== null) comparator = "range";
    else if (/tren\s*$/.test(before)) comparator = "gt";
    else if (/duoi\s*$/.test(before)) comparator = "lt";
    else if (/(?:it nhat|toi thieu)(?: la)?\s*$/.test(before) || /^\s*tro len/.test(after)) comparator = "gte";
    else if (/duy tri\s*$/.test(before)) comparator = "maintain";
    else if (percent && value === 100) comparator = "eq";
    else comparator = "gte";
    out.push({ start, end, value, valueMax, text: original(start, end), percent, comparator, approximate: /khoang\s*$/.test(before), counted: null });
  }
  for (const m of folded.matchAll(/tat ca(?= (?:cac )?(?:co so|truong|xa|don vi))/g)) {
    out.push({ start: m.index!, end: m.index! + m[0].length, value: 100, valueMax: null, text: original(m.index!, m.index! + m[0].length), percent: true, comparator: "eq", approximate: false, counted: null });
  }
  return out.sort((a, b) => a.start - b.start);
}
