import { CORE_INDICATORS } from "@eduplan/catalog";
import { describe, expect, it } from "vitest";
import { ABBREVIATIONS } from "./dictionaries/abbreviations.js";
import { AGENCY_ENTRIES } from "./dictionaries/agencies.js";
import { INDICATOR_ENTRIES } from "./dictionaries/indicators.js";
import { foldPlain } from "./fold.js";

describe("dictionaries", () => {
  it("name only indicators of the catalogue", () => {
    const known = new Set(CORE_INDICATORS.map((i) => i.code));
    const codes = INDICATOR_ENTRIES.flatMap((e) => [e.code, e.fallbackCode, ...Object.values(e.byLevel ?? {}), ...(e.codeAfterFigure ?? []).map(([, c]) => c)]).filter((c): c is string => !!c);
    expect(codes.filter((c) => !known.has(c))).toEqual([]);
  });
  it("cover every indicator of the catalogue (a phrase for each)", () => {
    const covered = new Set(INDICATOR_ENTRIES.flatMap((e) => [e.code, e.fallbackCode, ...Object.values(e.byLevel ?? {}), ...(e.codeAfterFigure ?? []).map(([, c]) => c)]));
    expect(CORE_INDICATORS.map((i) => i.code).filter((c) => !covered.has(c))).toEqual([]);
  });
  it("are written folded (no diacritics, lower case), as the matcher reads", () => {
    const notFolded = [
      ...INDICATOR_ENTRIES.map((e) => e.pattern.source).filter((p) => /[A-ZÀ-ỹđĐ]/u.test(p.replace(/\\[A-Za-z]/g, "").replace(/\(\?<[a-z]+>/g, ""))),
      ...AGENCY_ENTRIES.flatMap((e) => e.aliases).filter((a) => foldPlain(a) !== a),
      ...ABBREVIATIONS.flat().filter((a) => !/^[a-z0-9 &.,-]+$/.test(a)),
    ];
    expect(notFolded).toEqual([]);
  });
});
