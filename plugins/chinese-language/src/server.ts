/**
 * Server entry of the chinese-language plugin. Lạng Sơn plan 243/KH-UBND, §III.2: "tổ chức dạy tiếng Trung Quốc tại
 * các địa bàn phù hợp", with cooperation with Chinese localities.
 */
import { z } from "zod";
import { definePlugin, ratio, type FeedRecord } from "@eduplan/plugin-sdk";
import { forms } from "./forms.js";

type Teaching = FeedRecord<z.infer<typeof forms.teaching.schema>>;

/** The latest record of each school (a school corrects its figures by entering them again). */
export function latestPerSchool(records: readonly Teaching[]): Teaching[] {
  const latest = new Map<number, Teaching>();
  for (const r of records) if (!latest.has(r.localityId) || latest.get(r.localityId)!.id < r.id) latest.set(r.localityId, r);
  return [...latest.values()];
}

export default definePlugin({
  id: "chinese-language",
  version: "1.0.0",
  name: { vi: "Dạy học tiếng Trung Quốc", en: "Chinese-language teaching" },
  description: {
    vi: "Tổ chức dạy tiếng Trung Quốc tại các địa bàn phù hợp (các tỉnh biên giới), hợp tác với các địa phương của Trung Quốc.",
    en: "Chinese taught in suitable areas of the border provinces, with cooperation with Chinese localities.",
  },
  coreVersion: "^0.1.0",
  indicators: [
    {
      code: "chinese-language.schools_teaching_rate",
      nameVi: "Tỷ lệ trường có dạy tiếng Trung Quốc",
      nameEn: "Share of schools teaching Chinese",
      educationLevelCode: "general",
      unit: "percent",
      direction: "increase",
      aggregation: "ratio",
      measure: { countedEntity: "school", numeratorVi: "Số trường có dạy tiếng Trung Quốc", denominatorVi: "Số trường đã báo cáo" },
    },
    {
      code: "chinese-language.pupils_learning",
      nameVi: "Số học sinh học tiếng Trung Quốc",
      nameEn: "Pupils learning Chinese",
      educationLevelCode: "general",
      unit: "count",
      direction: "increase",
      aggregation: "sum",
    },
    {
      code: "chinese-language.qualified_teacher_rate",
      nameVi: "Tỷ lệ giáo viên dạy tiếng Trung Quốc đạt chuẩn",
      nameEn: "Share of Chinese-language teachers who are qualified",
      educationLevelCode: "general",
      unit: "percent",
      direction: "increase",
      aggregation: "ratio",
      measure: { countedEntity: "teacher", numeratorVi: "Số giáo viên đạt chuẩn", denominatorVi: "Số giáo viên dạy tiếng Trung Quốc" },
    },
  ],
  forms,
  settings: z.object({
    /** Chinese localities the province cooperates with (shown in the console; not used in figures). */
    partnerLocalitiesVi: z.array(z.string().trim().min(1)).default([]),
  }),
  feeds: [
    {
      id: "schools-teaching",
      indicator: "chinese-language.schools_teaching_rate",
      forms: ["teaching"],
      compute: ({ records }) => {
        const schools = latestPerSchool(records.teaching);
        return ratio(schools.filter((s) => s.data.teachesChinese).length, schools.length);
      },
    },
    {
      id: "pupils-learning",
      indicator: "chinese-language.pupils_learning",
      forms: ["teaching"],
      compute: ({ records }) => ({ value: latestPerSchool(records.teaching).reduce((n, s) => n + (s.data.teachesChinese ? s.data.pupils : 0), 0) }),
    },
    {
      id: "qualified-teachers",
      indicator: "chinese-language.qualified_teacher_rate",
      forms: ["teaching"],
      compute: ({ records }) => {
        const schools = latestPerSchool(records.teaching);
        return ratio(
          schools.reduce((n, s) => n + s.data.qualifiedTeachers, 0),
          schools.reduce((n, s) => n + s.data.teachers, 0),
        );
      },
    },
    {
      // The core yes/no indicator of the province plan: is Chinese taught somewhere in the province?
      id: "chinese-taught",
      indicator: "general.chinese_language_teaching",
      forms: ["teaching"],
      at: { levels: ["province"] },
      compute: ({ records }) => ({ value: latestPerSchool(records.teaching).some((s) => s.data.teachesChinese) ? 1 : 0 }),
    },
  ],
});
