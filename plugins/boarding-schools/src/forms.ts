/** The plugin's form (zod + labels + hints): imported by both entries, so it holds only zod and data. */
import { z } from "zod";
import { bi } from "@eduplan/domain";
import { defineForm, SchoolYearSchema } from "@eduplan/plugin-sdk";

/** PTDTNT = trường phổ thông dân tộc nội trú; PTDTBT = trường phổ thông dân tộc bán trú. */
export const SCHOOL_TYPES = ["ethnicBoarding", "ethnicSemiBoarding", "withSemiBoardingPupils"] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

/** Per school and school year: boarding pupils, semi-boarding meal support, dormitory, national standard. */
export const boarding = defineForm({
  id: "boarding",
  name: { vi: "Trường nội trú, bán trú", en: "Boarding and semi-boarding school" },
  description: {
    vi: "Mỗi trường phổ thông dân tộc nội trú (PTDTNT), bán trú (PTDTBT) hoặc có học sinh bán trú khai báo theo năm học.",
    en: "Each ethnic boarding (PTDTNT) or semi-boarding (PTDTBT) school, or school with semi-boarding pupils, per school year.",
  },
  schema: z
    .object({
      schoolYear: SchoolYearSchema,
      schoolType: z.enum(SCHOOL_TYPES),
      boardingPupils: z.number().int().min(0).max(10000),
      eligiblePupils: z.number().int().min(0).max(10000),
      mealSupportPupils: z.number().int().min(0).max(10000),
      dormitoryCapacity: z.number().int().min(0).max(10000),
      meetsNationalStandard: z.boolean(),
    })
    .refine((d) => d.mealSupportPupils <= d.eligiblePupils, {
      path: ["mealSupportPupils"],
      message: bi("pupils receiving meal support cannot exceed eligible pupils", "Số học sinh được hỗ trợ tiền ăn không được vượt quá số học sinh thuộc diện hỗ trợ"),
    }),
  fields: {
    schoolYear: { label: { vi: "Năm học", en: "School year" }, widget: "schoolYear" },
    schoolType: {
      label: { vi: "Loại trường", en: "School type" },
      choices: {
        ethnicBoarding: { vi: "Phổ thông dân tộc nội trú (PTDTNT)", en: "Ethnic boarding school (PTDTNT)" },
        ethnicSemiBoarding: { vi: "Phổ thông dân tộc bán trú (PTDTBT)", en: "Ethnic semi-boarding school (PTDTBT)" },
        withSemiBoardingPupils: { vi: "Trường có học sinh bán trú", en: "School with semi-boarding pupils" },
      },
    },
    boardingPupils: { label: { vi: "Số học sinh nội trú, bán trú", en: "Boarding pupils" } },
    eligiblePupils: {
      label: { vi: "Số học sinh thuộc diện hỗ trợ tiền ăn", en: "Pupils eligible for meal support" },
      help: { vi: "Học sinh ở thôn, bản xa thuộc diện hưởng chính sách hỗ trợ ăn bán trú", en: "Pupils from remote villages entitled to semi-boarding meal support" },
    },
    mealSupportPupils: { label: { vi: "Số học sinh được hỗ trợ tiền ăn", en: "Pupils receiving meal support" } },
    dormitoryCapacity: { label: { vi: "Số chỗ ở ký túc xá", en: "Dormitory places" } },
    meetsNationalStandard: { label: { vi: "Đạt chuẩn quốc gia", en: "Meets the national standard" } },
  },
  levels: ["school"],
  year: { from: "schoolYear", field: "schoolYear" },
  listFields: ["schoolYear", "schoolType", "boardingPupils", "mealSupportPupils"],
});

export const forms = { boarding };
