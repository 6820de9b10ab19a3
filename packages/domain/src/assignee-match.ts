import { foldVietnamese } from "./text.js";

/**
 * Matching the name of an agency or a collective as a document writes it against the names and aliases on record:
 * case-, diacritic- and spacing-insensitive (so "hoá"/"hóa" and "Uỷ"/"Ủy" fold alike), punctuation treated as a
 * space (trailing dots, commas and dashes ignored), "&" read as "và", and the usual abbreviations of public bodies
 * read in full ("UBND" = "Ủy ban nhân dân", "GD&ĐT" = "Giáo dục và Đào tạo").
 */

/** Abbreviations, folded, with their folded expansion. Applied to whole words only. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bubnd\b/g, "uy ban nhan dan"],
  [/\bhdnd\b/g, "hoi dong nhan dan"],
  [/\bmttq(?: ?vn)?\b/g, "mat tran to quoc"],
  [/\bgd va dt\b|\bgddt\b/g, "giao duc va dao tao"],
  [/\bkh va cn\b|\bkhcn\b/g, "khoa hoc va cong nghe"],
  [/\bvh tt va dl\b|\bvhttdl\b/g, "van hoa the thao va du lich"],
  [/\bnn va mt\b/g, "nong nghiep va moi truong"],
  [/\bdt va tg\b/g, "dan toc va ton giao"],
  [/\btp\b/g, "thanh pho"],
];

/** The key two wordings of one name share: "Sở GD&ĐT." and "sở giáo dục và đào tạo" give the same key. */
export function assigneeKey(text: string): string {
  let key = foldVietnamese(text)
    .replace(/&/g, " va ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  for (const [pattern, full] of ABBREVIATIONS) key = key.replace(pattern, full);
  return key.replace(/\s+/g, " ").trim();
}

/** Something an assignee's words may name: an agency (by id) or a collective (by code), with all its names. */
export type AssigneeCandidate<R = unknown> = {
  kind: "agency" | "collective";
  ref: R;
  names: readonly (string | null | undefined)[];
};

export type AssigneeMatch<R> =
  | { status: "matched"; candidate: AssigneeCandidate<R> }
  | { status: "ambiguous"; candidates: AssigneeCandidate<R>[] }
  | { status: "unmatched" };

/**
 * One matcher over a set of agencies and collectives: `match(words)` finds the one whose name or alias has the same
 * key, says so when several do (two provinces' "Sở Y tế"), and never guesses when none does.
 */
export function createAssigneeMatcher<R>(candidates: readonly AssigneeCandidate<R>[]) {
  const byKey = new Map<string, AssigneeCandidate<R>[]>();
  for (const c of candidates)
    for (const name of c.names) {
      if (!name) continue;
      const key = assigneeKey(name);
      if (!key) continue;
      const list = byKey.get(key) ?? [];
      if (!list.includes(c)) list.push(c);
      byKey.set(key, list);
    }
  return {
    match(words: string): AssigneeMatch<R> {
      const found = byKey.get(assigneeKey(words)) ?? [];
      if (found.length === 1) return { status: "matched", candidate: found[0]! };
      if (found.length > 1) return { status: "ambiguous", candidates: found };
      return { status: "unmatched" };
    },
  };
}

/** Do two wordings name the same body? */
export const sameAssigneeName = (a: string, b: string) => assigneeKey(a) !== "" && assigneeKey(a) === assigneeKey(b);

/** The names of a list that fold to the same key as an earlier one (a file listing one alias twice). */
export function repeatedAssigneeNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const n of names) {
    const k = assigneeKey(n);
    if (seen.has(k)) repeated.push(n);
    seen.add(k);
  }
  return repeated;
}
