import { describe, expect, test } from "vitest";
import { validateDeclaration } from "@eduplan/plugin-host";
import admin from "./admin.js";
import { forms } from "./forms.js";
import plugin from "./server.js";

const school = (id: number, localityId: number, data: Record<string, unknown>) => ({
  id,
  localityId,
  year: 2026,
  data: forms.boarding.schema.parse({ schoolYear: "2025-2026", boardingPupils: 0, eligiblePupils: 0, mealSupportPupils: 0, dormitoryCapacity: 0, meetsNationalStandard: false, ...data }),
});
const feed = (id: string) => plugin.feeds!.find((f) => f.id === id)!;
const settings = plugin.settings!.parse({});
const run = (id: string, boarding: ReturnType<typeof school>[], s = settings) =>
  feed(id).compute({ year: 2026, locality: { id: 1, code: "muong-te", levelCode: "district", nameVi: "Huyện Mường Tè" }, records: { boarding }, settings: s, db: null as never });

describe("boarding-schools", () => {
  test("the declaration is valid; the console entry has the same id and forms", () => {
    expect(validateDeclaration(plugin, { folder: "boarding-schools" })).toEqual([]);
    expect(admin.id).toBe(plugin.id);
    expect(admin.forms).toBe(forms);
  });

  test("feeds: meal-support coverage, dormitory occupancy (overcrowding shown), national-standard share of PTDTNT/PTDTBT, boarding pupils", () => {
    const records = [
      school(1, 10, { schoolType: "ethnicBoarding", boardingPupils: 330, eligiblePupils: 300, mealSupportPupils: 270, dormitoryCapacity: 300, meetsNationalStandard: true }),
      school(2, 11, { schoolType: "ethnicSemiBoarding", boardingPupils: 120, eligiblePupils: 150, mealSupportPupils: 150, dormitoryCapacity: 100 }),
      school(3, 12, { schoolType: "withSemiBoardingPupils", boardingPupils: 20, eligiblePupils: 50, mealSupportPupils: 30, dormitoryCapacity: 0 }),
    ];
    expect(run("meal-support", records)).toEqual({ numerator: 450, denominator: 500 });
    expect(run("dormitory-occupancy", records)).toEqual({ numerator: 470, denominator: 400 });
    expect(run("national-standard", records)).toEqual({ numerator: 1, denominator: 2 });
    expect(run("national-standard", records, { standardSchoolTypes: ["ethnicBoarding"] })).toEqual({ numerator: 1, denominator: 1 });
    expect(run("boarding-pupils", records)).toEqual({ value: 470 });
    expect(run("dormitory-occupancy", [records[2]!])).toBeNull();
  });

  test("the form refuses more supported pupils than eligible ones", () => {
    expect(forms.boarding.schema.safeParse({ schoolYear: "2025-2026", schoolType: "ethnicBoarding", boardingPupils: 1, eligiblePupils: 1, mealSupportPupils: 2, dormitoryCapacity: 1, meetsNationalStandard: true }).success).toBe(false);
  });
});
