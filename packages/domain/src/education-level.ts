import { z } from "zod";
import { CodeSchema, NameViSchema } from "./primitives.js";

/** Levels of education (cấp học / bậc học) as a tree. */
export const EducationLevelSchema = z.object({
  code: CodeSchema,
  parentCode: CodeSchema.nullable(),
  nameVi: NameViSchema,
  nameEn: z.string().min(1).max(300),
  sortOrder: z.number().int(),
});
export type EducationLevel = z.infer<typeof EducationLevelSchema>;

export const EDUCATION_LEVELS: EducationLevel[] = [
  { code: "earlyChildhood", parentCode: null, nameVi: "Giáo dục mầm non", nameEn: "Early childhood education", sortOrder: 10 },
  { code: "nursery", parentCode: "earlyChildhood", nameVi: "Nhà trẻ", nameEn: "Nursery (0–3)", sortOrder: 11 },
  { code: "kindergarten", parentCode: "earlyChildhood", nameVi: "Mẫu giáo", nameEn: "Kindergarten (3–6)", sortOrder: 12 },
  { code: "general", parentCode: null, nameVi: "Giáo dục phổ thông", nameEn: "General education", sortOrder: 20 },
  { code: "primary", parentCode: "general", nameVi: "Tiểu học", nameEn: "Primary", sortOrder: 21 },
  { code: "lowerSecondary", parentCode: "general", nameVi: "Trung học cơ sở", nameEn: "Lower secondary", sortOrder: 22 },
  { code: "upperSecondary", parentCode: "general", nameVi: "Trung học phổ thông", nameEn: "Upper secondary", sortOrder: 23 },
  { code: "vocational", parentCode: null, nameVi: "Giáo dục nghề nghiệp", nameEn: "Vocational education", sortOrder: 30 },
  { code: "continuing", parentCode: null, nameVi: "Giáo dục thường xuyên", nameEn: "Continuing education", sortOrder: 40 },
  { code: "higher", parentCode: null, nameVi: "Giáo dục đại học", nameEn: "Higher education", sortOrder: 50 },
  { code: "crossCutting", parentCode: null, nameVi: "Nội dung chung", nameEn: "Cross-cutting", sortOrder: 60 },
];

export const EDUCATION_LEVEL_CODES = EDUCATION_LEVELS.map((l) => l.code);

/** The level and every level below it (e.g. `general` → primary, lowerSecondary, upperSecondary). */
export function educationLevelSubtree(code: string, levels: EducationLevel[] = EDUCATION_LEVELS): string[] {
  const out = [code];
  for (let i = 0; i < out.length; i++) {
    for (const l of levels) if (l.parentCode === out[i]) out.push(l.code);
  }
  return out;
}
