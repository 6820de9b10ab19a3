import { AGENCY_ENTRIES, AGENCY_NAMES, COLLECTIVE_CODES, type DocLevel } from "./dictionaries/agencies.js";
import { foldPlain, originalSpan, type Folded } from "./fold.js";
import type { AgencyRef } from "./types.js";

const ALIASES: { alias: string; entry: (typeof AGENCY_ENTRIES)[number] }[] = AGENCY_ENTRIES.flatMap((entry) =>
  entry.aliases.map((alias) => ({ alias, entry })),
).sort((a, b) => b.alias.length - a.alias.length);

function resolve(entry: (typeof AGENCY_ENTRIES)[number], level: DocLevel | null): string {
  if (entry.byLevel && level && entry.byLevel[level]) return entry.byLevel[level]!;
  return entry.code;
}

export function agencyRef(code: string, text: string, start: number, end: number): AgencyRef {
  return { code, nameVi: AGENCY_NAMES[code] ?? code, collective: COLLECTIVE_CODES.has(code), known: true, text, start, end };
}

/** A body the registry does not know, named by a heading of the assignment section ("12. Công an tỉnh"). */
export function unknownAgencyRef(name: string, start: number): AgencyRef {
  const slug = foldPlain(name).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return { code: `new:${slug}`, nameVi: name, collective: /^(các|những)\s/iu.test(name), known: false, text: name, start, end: start + name.length };
}

/** The agency named at folded position `pos`, if any (whole words only). */
export function agencyAt(f: Folded, pos: number, level: DocLevel | null): { code: string; end: number } | null {
  for (const { alias, entry } of ALIASES) {
    if (!f.text.startsWith(alias, pos)) continue;
    const after = f.text[pos + alias.length];
    if (after !== undefined && /[a-z0-9]/.test(after)) continue;
    return { code: resolve(entry, level), end: pos + alias.length };
  }
  return null;
}

/**
 * A list of agencies starting at `pos` ("Sở Giáo dục và Đào tạo, các sở, ngành liên quan và UBND các xã, phường"),
 * ending at the first word that names no agency. `base` and `original` turn folded offsets into document offsets.
 */
export function agencyList(f: Folded, pos: number, level: DocLevel | null, original: string, base: number): { refs: AgencyRef[]; end: number } {
  const refs: AgencyRef[] = [];
  let p = pos;
  let end = pos;
  for (;;) {
    const sep = /^(?:\s|,|;|\bva\b|\bcung\b|\bvoi\b|\bhoac\b)*/.exec(f.text.slice(p))!;
    const at = p + sep[0].length;
    const hit = agencyAt(f, at, level);
    if (!hit) break;
    const [a, b] = originalSpan(f, at, hit.end);
    if (!refs.some((r) => r.code === hit.code)) refs.push(agencyRef(hit.code, original.slice(a, b), base + a, base + b));
    p = hit.end;
    end = hit.end;
    // "… có liên quan", "… liên quan" closing a collective.
    const tail = /^ (?:co )?lien quan\b/.exec(f.text.slice(p));
    if (tail) p += tail[0].length;
  }
  return { refs, end };
}

/** Every agency named anywhere in a folded text (for headings and free mentions). */
export function agenciesIn(f: Folded, level: DocLevel | null, original: string, base: number): AgencyRef[] {
  const refs: AgencyRef[] = [];
  let p = 0;
  while (p < f.text.length) {
    const prevOk = p === 0 || !/[a-z0-9]/.test(f.text[p - 1]!);
    const hit = prevOk ? agencyAt(f, p, level) : null;
    if (hit) {
      const [a, b] = originalSpan(f, p, hit.end);
      if (!refs.some((r) => r.code === hit.code)) refs.push(agencyRef(hit.code, original.slice(a, b), base + a, base + b));
      p = hit.end;
    } else p++;
  }
  return refs;
}
