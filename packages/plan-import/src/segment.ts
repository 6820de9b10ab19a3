import { fold, type Folded } from "./fold.js";

/** A paragraph of the normalised text with its place in the document's numbering. */
export interface Paragraph {
  start: number;
  end: number;
  text: string;
  /** "II.1", "Điều 1.I.2.1", "V.3". */
  section: string | null;
  /** Titles of the enclosing headings, outermost first. */
  headings: string[];
  /** This paragraph is itself a heading. */
  isHeading: boolean;
  /** Label of the heading ("3", "a", "II", "Điều 2") when isHeading. */
  label: string | null;
  /** Depth of the heading: 0 article, 1 roman, 2 number, 3 letter. */
  depth: number | null;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  paragraph: Paragraph;
  folded: Folded;
}

const ROMAN = /^(X{0,3}(?:IX|IV|V?I{0,3}))\.\s+(.+)$/;
const ARTICLE = /^Điều\s+(\d+)\.?\s*(.*)$/;
const NUMBERED = /^(\d+(?:\.\d+)*)\.?\s+(\S.*)$/;
const LETTERED = /^([a-zđ])\)\s+(.+)$/;

const endsPunct = (s: string) => /[.;!?]\s*$|\/\.\s*$/.test(s);

export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const stack: { depth: number; label: string; title: string }[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const start = offset;
    offset += line.length + 1;
    if (!line.trim()) continue;
    let heading: { depth: number; label: string; title: string } | null = null;
    let m: RegExpExecArray | null;
    if ((m = ARTICLE.exec(line))) heading = { depth: 0, label: `Điều ${m[1]}`, title: m[2] ?? "" };
    else if ((m = ROMAN.exec(line)) && m[1]) heading = { depth: 1, label: m[1], title: m[2]! };
    else if ((m = NUMBERED.exec(line)) && !endsPunct(line) && line.length < 220 && /^\d+(\.\d+)*\.\s/.test(line))
      heading = { depth: 2 + (m[1]!.split(".").length - 1) / 10, label: m[1]!, title: m[2]! };
    else if ((m = LETTERED.exec(line)) && !endsPunct(line) && line.length < 220) heading = { depth: 3, label: m[1]!, title: m[2]! };
    if (heading) {
      // "2.1." nests under "2." (depth 2.1 > 2); "3." closes both.
      while (stack.length && stack[stack.length - 1]!.depth >= heading.depth) stack.pop();
      stack.push(heading);
    }
    const section = stack.length
      ? stack
          .map((h, i) => {
            const next = stack[i + 1];
            if (next && next.label.startsWith(`${h.label}.`)) return null;
            return h.label;
          })
          .filter((x) => x !== null)
          .join(".")
      : null;
    out.push({
      start,
      end: start + line.length,
      text: line,
      section,
      headings: stack.map((h) => h.title),
      isHeading: heading !== null,
      label: heading?.label ?? null,
      depth: heading?.depth ?? null,
    });
  }
  return out;
}

/** Split a paragraph into sentences (". " before a capital, a digit or a quote). */
export function sentences(p: Paragraph): Sentence[] {
  const out: Sentence[] = [];
  const re = /[.!?](?=\s+["“(\p{Lu}\d-])/gu;
  let last = 0;
  const push = (a: number, b: number) => {
    const raw = p.text.slice(a, b);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (!t) return;
    const s = p.start + a + lead;
    out.push({ start: s, end: s + t.length, text: t, paragraph: p, folded: fold(t) });
  };
  let m: RegExpExecArray | null;
  while ((m = re.exec(p.text))) {
    // Not after a one-letter abbreviation or a number ("TM.", "1.").
    const before = p.text.slice(Math.max(0, m.index - 3), m.index);
    if (/(^|\s)(TM|KT|TP|TT|Tr|St|\d{1,2})$/.test(before)) continue;
    push(last, m.index + 1);
    last = m.index + 1;
  }
  push(last, p.text.length);
  return out;
}
