/** Suggestions for a code the file gets wrong: the nearest known code, or the list of valid ones when it is short. */

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}

/** The known code closest to `code` (case-insensitive edit distance), if it is close enough to be a typo. */
export function nearestCode(code: string, knownCodes: Iterable<string>): string | null {
  const known = [...knownCodes];
  const lower = code.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  if (best !== null && bestDistance <= Math.max(2, Math.floor(code.length / 3))) return best;
  // A shortened code ("fatherlandFront"): the one known code that begins with it.
  const starting = [...known].filter((k) => code.length >= 3 && k.toLowerCase().startsWith(lower));
  return starting.length === 1 ? starting[0]! : null;
}

const LIST_LIMIT = 12;

/** " — did you mean 'x'?" or " (valid: a, b, c)", in both languages; empty when neither helps. */
export function suggestion(code: string, known: Iterable<string>): { en: string; vi: string } {
  const all = [...new Set(known)];
  const near = nearestCode(code, all);
  if (near) return { en: ` — did you mean '${near}'?`, vi: ` — có phải là '${near}'?` };
  if (all.length && all.length <= LIST_LIMIT) {
    const list = all.sort().join(", ");
    return { en: ` (valid: ${list})`, vi: ` (giá trị hợp lệ: ${list})` };
  }
  return { en: "", vi: "" };
}
