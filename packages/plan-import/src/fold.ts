import { ABBREVIATIONS } from "./dictionaries/abbreviations.js";

/**
 * Text folded for matching — lowercase, no diacritics, đ → d, spaces collapsed, abbreviations spelt out
 * ("THCS" → "trung hoc co so", "GD&ĐT" → "giao duc va dao tao") — with a map back to offsets in the original, so
 * every match can be highlighted in the text the officer reads. Folding also makes the spelling variants
 * hoá/hóa, Uỷ/Ủy and hằng/hàng năm alike.
 */
export interface Folded {
  text: string;
  /** map[i] = offset in the original of folded character i; map[text.length] = original length. */
  map: number[];
}

function foldChar(c: string): string {
  if (c === "đ" || c === "Đ") return "d";
  const base = c.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return base.toLowerCase();
}

export function fold(original: string): Folded {
  let text = "";
  const map: number[] = [];
  let lastSpace = true;
  for (let i = 0; i < original.length; i++) {
    const c = original[i]!;
    if (/\s/.test(c)) {
      if (!lastSpace) {
        text += " ";
        map.push(i);
      }
      lastSpace = true;
      continue;
    }
    const f = foldChar(c);
    for (const ch of f) {
      text += ch;
      map.push(i);
    }
    lastSpace = false;
  }
  map.push(original.length);
  return expandAbbreviations({ text, map });
}

/** Replace whole-word abbreviations by their long form; every replaced character maps to the abbreviation's start. */
function expandAbbreviations(f: Folded): Folded {
  let text = "";
  const map: number[] = [];
  let i = 0;
  outer: while (i < f.text.length) {
    const prevOk = i === 0 || !/[a-z0-9]/.test(f.text[i - 1]!);
    if (prevOk) {
      for (const [short, long] of ABBREVIATIONS) {
        if (f.text.startsWith(short, i)) {
          const after = f.text[i + short.length];
          if (after === undefined || !/[a-z0-9]/.test(after)) {
            const start = f.map[i]!;
            const end = f.map[i + short.length]!;
            for (let k = 0; k < long.length; k++) {
              text += long[k];
              map.push(k === long.length - 1 ? Math.max(start, end - 1) : start);
            }
            i += short.length;
            continue outer;
          }
        }
      }
    }
    text += f.text[i];
    map.push(f.map[i]!);
    i++;
  }
  map.push(f.map[f.text.length]!);
  return { text, map };
}

/** Original [start, end) of a folded range. */
export function originalSpan(f: Folded, start: number, end: number): [number, number] {
  const s = f.map[start]!;
  const e = end > start ? f.map[end - 1]! + 1 : s;
  return [s, e];
}

/** Fold a short string for comparison (no offsets). */
export function foldPlain(s: string): string {
  return fold(s).text.trim();
}
