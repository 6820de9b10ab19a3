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
