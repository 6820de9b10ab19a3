/** The plugin's form (zod + labels + hints): imported by both entries, so it holds only zod and data. */
import { z } from "zod";
import { bi } from "@eduplan/domain";
import { defineForm, SchoolYearSchema } from "@eduplan/plugin-sdk";

/** Per school and school year: is Chinese taught, in how many classes, to how many pupils, by how many teachers. */
export const teaching = defineForm({
  id: "teaching",
  name: { vi: "Dạy học tiếng Trung Quốc", en: "Chinese-language teaching" },
  description: {
    vi: "Mỗi trường khai báo theo năm học: có dạy tiếng Trung Quốc không, số lớp, số học sinh, số giáo viên và giáo viên đạt chuẩn.",
    en: "Each school, per school year: whether Chinese is taught, classes, pupils, teachers and qualified teachers.",
  },
  schema: z
    .object({
      schoolYear: SchoolYearSchema,
      teachesChinese: z.boolean(),
      classes: z.number().int().min(0).max(500).default(0),
      pupils: z.number().int().min(0).max(20000).default(0),
      teachers: z.number().int().min(0).max(500).default(0),
      qualifiedTeachers: z.number().int().min(0).max(500).default(0),
      partnerVi: z.string().trim().max(500).optional(),
    })
    .refine((d) => d.qualifiedTeachers <= d.teachers, {
      path: ["qualifiedTeachers"],
      message: bi("qualified teachers cannot exceed teachers", "Số giáo viên đạt chuẩn không được vượt quá số giáo viên"),
    })
    .refine((d) => d.teachesChinese || (d.classes === 0 && d.pupils === 0), {
      path: ["teachesChinese"],
      message: bi("classes or pupils are given: Chinese is taught", "Đã nhập số lớp hoặc học sinh: hãy chọn có dạy tiếng Trung Quốc"),
    }),
  fields: {
    schoolYear: { label: { vi: "Năm học", en: "School year" }, widget: "schoolYear" },
    teachesChinese: { label: { vi: "Có dạy tiếng Trung Quốc", en: "Chinese is taught" } },
    classes: { label: { vi: "Số lớp học tiếng Trung", en: "Classes" } },
    pupils: { label: { vi: "Số học sinh học tiếng Trung", en: "Pupils learning Chinese" } },
    teachers: { label: { vi: "Số giáo viên dạy tiếng Trung", en: "Teachers of Chinese" } },
    qualifiedTeachers: {
      label: { vi: "Số giáo viên đạt chuẩn", en: "Qualified teachers" },
      help: { vi: "Đạt chuẩn trình độ đào tạo và năng lực ngoại ngữ theo quy định", en: "Meeting the required training and language standards" },
    },
    partnerVi: {
      label: { vi: "Đơn vị hợp tác phía Trung Quốc", en: "Partner in China" },
      help: { vi: "Hợp tác với các địa phương của Trung Quốc, nếu có", en: "Cooperation with a Chinese locality, if any" },
    },
  },
  levels: ["school"],
  year: { from: "schoolYear", field: "schoolYear" },
  listFields: ["schoolYear", "teachesChinese", "classes", "pupils"],
});

export const forms = { teaching };
