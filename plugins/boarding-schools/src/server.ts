/**
 * Server entry of the boarding-schools plugin (Lai Châu / Mường Tè): ethnic boarding (PTDTNT) and semi-boarding
 * (PTDTBT) schools, semi-boarding meals for children of remote villages, support for ethnic-minority pupils.
 */
import { z } from "zod";
import { definePlugin, ratio, type FeedRecord } from "@eduplan/plugin-sdk";
import { forms, SCHOOL_TYPES } from "./forms.js";

type Boarding = FeedRecord<z.infer<typeof forms.boarding.schema>>;

function latestPerSchool(records: readonly Boarding[]): Boarding[] {
  const latest = new Map<number, Boarding>();
  for (const r of records) if (!latest.has(r.localityId) || latest.get(r.localityId)!.id < r.id) latest.set(r.localityId, r);
  return [...latest.values()];
}

const sum = (records: Boarding[], pick: (d: Boarding["data"]) => number) => records.reduce((n, r) => n + pick(r.data), 0);

export default definePlugin({
  id: "boarding-schools",
  version: "1.0.0",
  name: { vi: "Trường phổ thông dân tộc nội trú, bán trú", en: "Ethnic boarding and semi-boarding schools" },
  description: {
    vi: "Trường PTDTNT, PTDTBT: học sinh nội trú, bán trú, hỗ trợ tiền ăn bán trú, ký túc xá, trường đạt chuẩn quốc gia.",
    en: "PTDTNT and PTDTBT schools: boarding pupils, semi-boarding meal support, dormitories, national-standard schools.",
  },
  coreVersion: "^0.1.0",
  indicators: [
    {
      code: "boarding-schools.meal_support_coverage_rate",
      nameVi: "Tỷ lệ học sinh thuộc diện được hỗ trợ tiền ăn bán trú",
      nameEn: "Coverage of semi-boarding meal support among eligible pupils",
      educationLevelCode: "general",
      unit: "percent",
      direction: "increase",
      aggregation: "ratio",
      measure: { countedEntity: "pupil", numeratorVi: "Số học sinh được hỗ trợ tiền ăn", denominatorVi: "Số học sinh thuộc diện hỗ trợ" },
    },
    {
      code: "boarding-schools.dormitory_occupancy_rate",
      nameVi: "Hệ số sử dụng chỗ ở ký túc xá (học sinh nội trú, bán trú / chỗ ở)",
      nameEn: "Dormitory occupancy (boarding pupils per place; above 1 = overcrowded)",
      educationLevelCode: "general",
      unit: "ratio",
      direction: "maintain",
      aggregation: "ratio",
      measure: { countedEntity: "pupil", numeratorVi: "Số học sinh nội trú, bán trú", denominatorVi: "Số chỗ ở ký túc xá" },
    },
    {
      code: "boarding-schools.national_standard_rate",
      nameVi: "Tỷ lệ trường PTDTNT, PTDTBT đạt chuẩn quốc gia",
      nameEn: "Share of ethnic boarding and semi-boarding schools meeting the national standard",
      educationLevelCode: "general",
      unit: "percent",
      direction: "increase",
      aggregation: "ratio",
      measure: { countedEntity: "school", numeratorVi: "Số trường đạt chuẩn quốc gia", denominatorVi: "Số trường PTDTNT, PTDTBT" },
    },
    {
      code: "boarding-schools.boarding_pupils",
      nameVi: "Số học sinh nội trú, bán trú",
      nameEn: "Boarding and semi-boarding pupils",
      educationLevelCode: "general",
      unit: "count",
      direction: "increase",
      aggregation: "sum",
    },
  ],
  forms,
  settings: z.object({
    /** School types counted in the national-standard share (PTDTNT and PTDTBT by default). */
    standardSchoolTypes: z.array(z.enum(SCHOOL_TYPES)).default(["ethnicBoarding", "ethnicSemiBoarding"]),
  }),
  feeds: [
    {
      id: "meal-support",
      indicator: "boarding-schools.meal_support_coverage_rate",
      forms: ["boarding"],
      compute: ({ records }) => {
        const schools = latestPerSchool(records.boarding);
        return ratio(sum(schools, (d) => d.mealSupportPupils), sum(schools, (d) => d.eligiblePupils));
      },
    },
    {
      id: "dormitory-occupancy",
      indicator: "boarding-schools.dormitory_occupancy_rate",
      forms: ["boarding"],
      compute: ({ records }) => {
        const schools = latestPerSchool(records.boarding);
        const capacity = sum(schools, (d) => d.dormitoryCapacity);
        // Overcrowding is shown as it is (above 1), not capped.
        return capacity > 0 ? { numerator: sum(schools, (d) => d.boardingPupils), denominator: capacity } : null;
      },
    },
    {
      id: "national-standard",
      indicator: "boarding-schools.national_standard_rate",
      forms: ["boarding"],
      compute: ({ records, settings }) => {
        const schools = latestPerSchool(records.boarding).filter((s) => settings.standardSchoolTypes.includes(s.data.schoolType));
        return ratio(schools.filter((s) => s.data.meetsNationalStandard).length, schools.length);
      },
    },
    {
      id: "boarding-pupils",
      indicator: "boarding-schools.boarding_pupils",
      forms: ["boarding"],
      compute: ({ records }) => ({ value: sum(latestPerSchool(records.boarding), (d) => d.boardingPupils) }),
    },
  ],
});
