/**
 * What a plan's own wording becomes on an officer's page or in a printed report: the heading of a section without its
 * numbering ("II.2.b Giáo dục phổ thông" → "Giáo dục phổ thông"), and a target's condition without the notes its
 * modellers left ("không nêu thời hạn", "chỉ tiêu con (“trong đó”)", "(mẫu số: …)").
 */

const SECTION_NUMBER = /^(?:Điều\s+\d+(?:\.|\s+))?(?:[IVXLC]+|\d+)(?:\.[0-9a-zđ]+)*\.?(?:\s+|$)/iu;

/** A section heading without its numbering; null when nothing but the number is stated ("V.2"). */
export function sectionTitle(section: string | null | undefined): string | null {
  if (!section) return null;
  const title = section.trim().replace(SECTION_NUMBER, "").trim();
  return title || null;
}

/** Parts of a condition that only describe how the text was modelled, not what the target requires. */
const NOTE_PARTS: RegExp[] = [
  /^không nêu\s/iu,
  /^chỉ tiêu con\s/iu,
  /nêu dưới dạng định hướng/iu,
  /^chỉ nêu định hướng/iu,
  /^duy trì kết quả hiện có/iu,
  /^toàn (tỉnh|xã|huyện|phường)$/iu,
];

/** Parenthesised notes: the denominator, sub-target markers, quotations of the source words, "the text does not say". */
const NOTE_PARENS = /\s*\((?:[^()]*(?:mẫu số|chỉ tiêu con|không nêu|văn bản)[^()]*|\s*[“"][^()”"]*[”"]\s*)\)/giu;

/** A target's condition as printed for officers, or null when it only held modelling notes. */
export function printableCondition(conditionVi: string | null | undefined): string | null {
  if (!conditionVi) return null;
  const parts = conditionVi
    .replace(NOTE_PARENS, "")
    .split(";")
    .map((p) => p.replace(/,\s*không chỉ trong năm mục tiêu/iu, "").trim())
    .filter((p) => p && !NOTE_PARTS.some((re) => re.test(p)));
  return parts.length ? parts.join("; ") : null;
}

/** Words that must never reach a printed indicator name (for tests and checks). */
export const MODELLING_NOTE_PATTERN = /không nêu|chỉ tiêu con|mẫu số:|văn bản không|nêu dưới dạng|chỉ nêu định hướng/iu;
