import { describe, expect, test } from "vitest";
import { z } from "zod";
import { defineForm, deriveYear, describeFields, schoolYearChoices, schoolYearOfDate, SchoolYearSchema } from "./form.js";
import { definePlugin, ratio, sumOf, tablePrefixOf } from "./plugin.js";
import { formResourceName } from "./admin.js";

const form = defineForm({
  id: "trip",
  name: { vi: "Chuyến đi", en: "Trip" },
  schema: z
    .object({
      date: z.iso.date(),
      grade: z.number().int().min(1).max(12),
      share: z.number().min(0).max(1),
      kind: z.enum(["museum", "library"]),
      guided: z.boolean().default(false),
      note: z.string().max(200).optional(),
    })
    .refine((d) => d.grade > 0, { path: ["grade"], message: "positive" }),
  fields: {
    date: { label: { vi: "Ngày", en: "Date" } },
    grade: { label: { vi: "Khối", en: "Grade" } },
    share: { label: { vi: "Tỷ lệ", en: "Share" }, help: { vi: "0–1", en: "0–1" } },
    kind: { label: { vi: "Loại", en: "Kind" }, choices: { museum: { vi: "Bảo tàng", en: "Museum" }, library: { vi: "Thư viện", en: "Library" } } },
    guided: { label: { vi: "Có hướng dẫn", en: "Guided" } },
    note: { label: { vi: "Ghi chú", en: "Note" }, widget: "textarea" },
  },
  levels: ["school"],
  year: { from: "date", field: "date", schoolYearStartMonth: 9 },
});

describe("describeFields: the generic renderer's view of a zod form", () => {
  test("kind, widget, required, bounds, choices and labels of every field (a refined object keeps its shape)", () => {
    const byName = Object.fromEntries(describeFields(form).map((f) => [f.name, f]));
    expect(byName.date).toMatchObject({ kind: "date", widget: "date", required: true });
    expect(byName.grade).toMatchObject({ kind: "integer", widget: "integer", required: true, min: 1, max: 12 });
    expect(byName.share).toMatchObject({ kind: "number", widget: "number", min: 0, max: 1 });
    expect(byName.kind).toMatchObject({ kind: "enum", widget: "select", choices: [{ id: "museum", name: { vi: "Bảo tàng", en: "Museum" } }, { id: "library", name: { vi: "Thư viện", en: "Library" } }] });
    expect(byName.guided).toMatchObject({ kind: "boolean", widget: "boolean", required: false, defaultValue: false });
    expect(byName.note).toMatchObject({ kind: "string", widget: "textarea", required: false, maxLength: 200 });
    expect(byName.share!.hint.help).toEqual({ vi: "0–1", en: "0–1" });
  });
});

describe("years of records", () => {
  test("school years: 2025-2026 is valid, 2025-2027 is not; a date's school year; the year a school year feeds", () => {
    expect(SchoolYearSchema.safeParse("2025-2026").success).toBe(true);
    expect(SchoolYearSchema.safeParse("2025-2027").success).toBe(false);
    expect(schoolYearOfDate("2025-10-15")).toBe("2025-2026");
    expect(schoolYearOfDate("2026-05-20")).toBe("2025-2026");
    expect(schoolYearOfDate("2026-08-31", 8)).toBe("2026-2027");
    expect(deriveYear({ from: "schoolYear", field: "schoolYear" }, { schoolYear: "2025-2026" })).toBe(2026);
    expect(deriveYear(form.year, { date: "2025-10-15" })).toBe(2026);
    expect(deriveYear({ from: "date", field: "date" }, { date: "2025-10-15" })).toBe(2025);
    expect(deriveYear({ from: "input" }, {}, 2027)).toBe(2027);
    expect(deriveYear({ from: "input" }, {})).toBeNull();
    expect(deriveYear({ from: "schoolYear", field: "schoolYear" }, { schoolYear: 2025 })).toBeNull();
    expect(schoolYearChoices(new Date("2026-10-01"), 1, 1)).toEqual(["2027-2028", "2026-2027", "2025-2026"]);
  });
});

describe("helpers", () => {
  test("ratio, sums, table prefix, console resource names, definePlugin returns the declaration", () => {
    expect(ratio(3, 4)).toEqual({ numerator: 3, denominator: 4 });
    expect(ratio(5, 4)).toEqual({ numerator: 4, denominator: 4 });
    expect(ratio(1, 0)).toBeNull();
    expect(sumOf([{ id: 1, localityId: 1, year: 2026, data: { n: 2 } }, { id: 2, localityId: 1, year: 2026, data: { n: 3 } }], (d) => d.n)).toBe(5);
    expect(tablePrefixOf("geopark-education")).toBe("geopark_education_");
    expect(formResourceName("geopark-education", "fieldTrip")).toBe("pluginForms.geopark-education.fieldTrip");
    const plugin = definePlugin({ id: "demo", version: "1.0.0", name: { vi: "Thử", en: "Demo" }, coreVersion: "^0.1.0", forms: { trip: form } });
    expect(plugin.forms?.trip).toBe(form);
  });
});
