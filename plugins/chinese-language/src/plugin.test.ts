import { describe, expect, test } from "vitest";
import { validateDeclaration } from "@eduplan/plugin-host";
import admin from "./admin.js";
import { forms } from "./forms.js";
import plugin from "./server.js";

const school = (id: number, localityId: number, data: Record<string, unknown>) => ({ id, localityId, year: 2026, data: forms.teaching.schema.parse({ schoolYear: "2025-2026", ...data }) });
const feed = (id: string) => plugin.feeds!.find((f) => f.id === id)!;
const run = (id: string, teaching: ReturnType<typeof school>[]) =>
  feed(id).compute({ year: 2026, locality: { id: 1, code: "x", levelCode: "commune", nameVi: "Xã" }, records: { teaching }, settings: { partnerLocalitiesVi: [] }, db: null as never });

describe("chinese-language", () => {
  test("the declaration is valid; the console entry has the same id and forms", () => {
    expect(validateDeclaration(plugin, { folder: "chinese-language" })).toEqual([]);
    expect(admin.id).toBe(plugin.id);
    expect(admin.forms).toBe(forms);
  });

  test("feeds: schools teaching ÷ schools reporting, pupils, qualified teachers, and the yes/no of the province", () => {
    const records = [
      school(1, 10, { teachesChinese: true, classes: 3, pupils: 90, teachers: 2, qualifiedTeachers: 2 }),
      school(2, 11, { teachesChinese: false }),
      school(3, 12, { teachesChinese: true, classes: 1, pupils: 25, teachers: 2, qualifiedTeachers: 0 }),
    ];
    expect(run("schools-teaching", records)).toEqual({ numerator: 2, denominator: 3 });
    expect(run("pupils-learning", records)).toEqual({ value: 115 });
    expect(run("qualified-teachers", records)).toEqual({ numerator: 2, denominator: 4 });
    expect(run("chinese-taught", records)).toEqual({ value: 1 });
    expect(run("chinese-taught", [records[1]!])).toEqual({ value: 0 });
    expect(run("qualified-teachers", [records[1]!])).toBeNull();
    // a later record of the same school replaces the earlier one
    expect(run("schools-teaching", [records[1]!, school(9, 11, { teachesChinese: true, classes: 1, pupils: 10, teachers: 1, qualifiedTeachers: 1 })])).toEqual({ numerator: 1, denominator: 1 });
    expect(feed("chinese-taught").at).toEqual({ levels: ["province"] });
  });

  test("the form refuses inconsistent answers", () => {
    expect(forms.teaching.schema.safeParse({ schoolYear: "2025-2026", teachesChinese: false, pupils: 30 }).success).toBe(false);
    expect(forms.teaching.schema.safeParse({ schoolYear: "2025-2026", teachesChinese: true, teachers: 1, qualifiedTeachers: 2 }).success).toBe(false);
  });
});
