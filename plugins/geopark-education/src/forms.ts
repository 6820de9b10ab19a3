/**
 * The plugin's forms: zod schemas with labels and hints. Imported by both entries (server and console), so this module
 * holds only zod and data.
 */
import { z } from "zod";
import { bi } from "@eduplan/domain";
import { defineForm, SchoolYearSchema } from "@eduplan/plugin-sdk";

/** A school's field trip to a site (a ranked relic, a museum, a library, a geopark site). */
export const fieldTrip = defineForm({
  id: "fieldTrip",
  name: { vi: "Chuyến tham quan, học tập", en: "Field trip" },
  description: {
    vi: "Một chuyến học sinh của trường tham quan di tích đã xếp hạng, bảo tàng, thư viện hoặc điểm tham quan trong vùng Công viên địa chất toàn cầu UNESCO Lạng Sơn.",
    en: "A school's trip to a ranked relic, a museum, a library or a site of the Lạng Sơn UNESCO Global Geopark.",
  },
  schema: z.object({
    date: z.iso.date(),
    siteId: z.number().int().positive(),
    grade: z.number().int().min(1).max(12),
    pupils: z.number().int().min(1).max(5000),
    accompanyingTeachers: z.number().int().min(0).max(500),
    noteVi: z.string().trim().max(1000).optional(),
  }),
  fields: {
    date: { label: { vi: "Ngày tham quan", en: "Date" } },
    siteId: {
      label: { vi: "Điểm tham quan", en: "Site" },
      widget: "reference",
      reference: { resource: "plugins.geopark-education.sites", optionText: "nameVi" },
    },
    grade: { label: { vi: "Khối lớp", en: "Grade" }, help: { vi: "1–12", en: "1–12" } },
    pupils: { label: { vi: "Số học sinh tham gia", en: "Pupils" } },
    accompanyingTeachers: { label: { vi: "Số giáo viên đi cùng", en: "Accompanying teachers" } },
    noteVi: { label: { vi: "Ghi chú", en: "Note" }, widget: "textarea" },
  },
  levels: ["school"],
  year: { from: "date", field: "date", schoolYearStartMonth: 9 },
  listFields: ["date", "siteId", "grade", "pupils"],
});

/** Per school and school year: enrolment and pupils reached by arts, cultural-heritage and geopark education. */
export const reach = defineForm({
  id: "reach",
  name: { vi: "Giáo dục nghệ thuật, di sản, công viên địa chất", en: "Arts, heritage and geopark education" },
  description: {
    vi: "Số học sinh của trường và số học sinh được tiếp cận giáo dục nghệ thuật, giáo dục di sản văn hóa, giáo dục về công viên địa chất trong năm học.",
    en: "The school's enrolment and the pupils reached by arts, cultural-heritage and geopark education in the school year.",
  },
  schema: z
    .object({
      schoolYear: SchoolYearSchema,
      enrolment: z.number().int().min(0).max(20000),
      pupilsReached: z.number().int().min(0).max(20000),
    })
    .refine((d) => d.pupilsReached <= d.enrolment, { path: ["pupilsReached"], message: bi("pupils reached cannot exceed the enrolment", "Số học sinh được tiếp cận không được vượt quá tổng số học sinh") }),
  fields: {
    schoolYear: { label: { vi: "Năm học", en: "School year" }, widget: "schoolYear", help: { vi: "Ví dụ 2025-2026", en: "e.g. 2025-2026" } },
    enrolment: { label: { vi: "Tổng số học sinh", en: "Enrolment" } },
    pupilsReached: { label: { vi: "Số học sinh được tiếp cận", en: "Pupils reached" } },
  },
  levels: ["school"],
  year: { from: "schoolYear", field: "schoolYear" },
});

export const forms = { fieldTrip, reach };
