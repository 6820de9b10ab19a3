/**
 * Fold Vietnamese text for search: lowercase, strip diacritics, đ → d. "Lạng Sơn" and "lang son" fold alike.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
/** Vietnamese alphabetical order (a ă â b c d đ e ê …), for sorting names. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * Parse a number written the Vietnamese way: "48,5" → 48.5, "1.234,5" → 1234.5, "8,0" → 8. Refuses ambiguous input.
 */
export function parseVietnameseNumber(text: string): number | null {
  const t = text.trim().replace(/%$/, "").trim();
  if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/.test(t)) return null;
  return Number(t.replace(/\./g, "").replace(",", "."));
}

/** Normalise a document number for matching: "57- NQ/TW" → "57-NQ/TW", "47/NQ-HĐND" unchanged. */
export function normaliseDocumentNumber(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, "").toUpperCase();
}

const ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";
const TONES: Record<string, number> = { "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5 };

/**
 * A key that sorts Vietnamese text in dictionary order (a < ă < â < b … d < đ …; tones, in the order
 * ngang, huyền, hỏi, ngã, sắc, nặng, only break ties). For databases without a Vietnamese collation.
 */
export function vietnameseSortKey(text: string): string {
  const chars = text.normalize("NFD").toLowerCase();
  let primary = "";
  let tones = "";
  for (let i = 0; i < chars.length; i++) {
    let letter = chars[i]!;
    let tone = 0;
    while (i + 1 < chars.length && /[\u0300-\u036f]/.test(chars[i + 1]!)) {
      const mark = chars[++i]!;
      if (mark === "\u0306") letter = letter === "a" ? "ă" : letter;
      else if (mark === "\u0302") letter = letter === "a" ? "â" : letter === "e" ? "ê" : letter === "o" ? "ô" : letter;
      else if (mark === "\u031b") letter = letter === "o" ? "ơ" : letter === "u" ? "ư" : letter;
      else if (TONES[mark]) tone = TONES[mark]!;
    }
    const index = ALPHABET.indexOf(letter);
    primary += index >= 0 ? String.fromCharCode(0x3000 + index) : letter;
    tones += String(tone);
  }
  return `${primary}\u0001${tones}`;
}
