/**
 * Server entry of the geopark-education plugin (Lạng Sơn UNESCO Global Geopark). Targets of the Lạng Sơn plan
 * 243/KH-UBND: 100% of pupils reached by arts, cultural-heritage and geopark education; 80% (Bằng Mạc: 100%) visit
 * ranked relics, museums, libraries and geopark sites.
 */
import { fileURLToPath } from "node:url";
import { inArray } from "drizzle-orm";
import { z } from "zod";
import { definePlugin, ratio, type FeedRecord } from "@eduplan/plugin-sdk";
import { forms } from "./forms.js";
import { geoparkRouter } from "./router.js";
import { SITE_KINDS, sites } from "./schema.js";

type Trip = FeedRecord<{ siteId: number; grade: number; pupils: number }>;
type Reach = FeedRecord<{ enrolment: number; pupilsReached: number }>;

/** The latest record of each locality (a school may correct its figures by entering them again). */
function latestPerLocality<R extends { id: number; localityId: number }>(records: readonly R[]): R[] {
  const latest = new Map<number, R>();
  for (const r of records) if (!latest.has(r.localityId) || latest.get(r.localityId)!.id < r.id) latest.set(r.localityId, r);
  return [...latest.values()];
}

/**
 * Distinct pupils who visited, per school: pupils of one grade on several trips are counted once, by the largest trip
 * of that grade (a lower bound: trips are made by classes, and a grade's classes rarely all go twice), capped by the
 * school's enrolment.
 */
export function distinctVisitors(trips: readonly Trip[], enrolment: number): number {
  const byGrade = new Map<number, number>();
  for (const t of trips) byGrade.set(t.data.grade, Math.max(byGrade.get(t.data.grade) ?? 0, t.data.pupils));
  return Math.min(enrolment, [...byGrade.values()].reduce((a, b) => a + b, 0));
}

const settings = z.object({
  /** Kinds of site whose visits count towards the visit rate (all four by default). */
  countedSiteKinds: z.array(z.enum(SITE_KINDS)).default([...SITE_KINDS]),
});

export default definePlugin({
  id: "geopark-education",
  version: "1.0.0",
  name: { vi: "Giáo dục di sản và Công viên địa chất", en: "Heritage and geopark education" },
  description: {
    vi: "Công viên địa chất toàn cầu UNESCO Lạng Sơn: chuyến tham quan di tích, bảo tàng, thư viện, điểm tham quan; học sinh được tiếp cận giáo dục nghệ thuật, di sản, công viên địa chất.",
    en: "Lạng Sơn UNESCO Global Geopark: field trips to relics, museums, libraries and geopark sites; pupils reached by arts, heritage and geopark education.",
  },
  coreVersion: "^0.1.0",
  indicators: [
    {
      code: "geopark-education.field_trip_count",
      nameVi: "Số chuyến tham quan di tích, bảo tàng, thư viện, điểm công viên địa chất của học sinh",
      nameEn: "Field trips to relics, museums, libraries and geopark sites",
      educationLevelCode: "general",
      unit: "count",
      direction: "increase",
      aggregation: "sum",
      descriptionVi: "Tổng số chuyến tham quan các trường ghi nhận trong năm học.",
    },
    {
      code: "geopark-education.pupil_visit_count",
      nameVi: "Số lượt học sinh tham quan di tích, bảo tàng, thư viện, điểm công viên địa chất",
      nameEn: "Pupil visits to relics, museums, libraries and geopark sites",
      educationLevelCode: "general",
      unit: "count",
      direction: "increase",
      aggregation: "sum",
    },
  ],
  forms,
  settings,
  feeds: [
    {
      id: "visit-rate",
      indicator: "general.heritage_site_visit_rate",
      forms: ["fieldTrip", "reach"],
      description: { vi: "Học sinh đã tham quan ÷ tổng số học sinh", en: "Distinct pupils who visited ÷ enrolment" },
      async compute({ records, settings, db }) {
        const reach = latestPerLocality(records.reach as Reach[]);
        if (!reach.length) return null;
        const counted = new Set(settings.countedSiteKinds);
        const siteIds = [...new Set((records.fieldTrip as Trip[]).map((t) => t.data.siteId))];
        const kindOf = new Map(
          siteIds.length ? (await db.select({ id: sites.id, kind: sites.kind }).from(sites).where(inArray(sites.id, siteIds))).map((s) => [s.id, s.kind] as const) : [],
        );
        let visitors = 0;
        let enrolment = 0;
        for (const school of reach) {
          const trips = (records.fieldTrip as Trip[]).filter((t) => t.localityId === school.localityId && counted.has(kindOf.get(t.data.siteId)!));
          visitors += distinctVisitors(trips, school.data.enrolment);
          enrolment += school.data.enrolment;
        }
        return ratio(visitors, enrolment);
      },
    },
    {
      id: "reached-rate",
      indicator: "general.heritage_geopark_education_rate",
      forms: ["reach"],
      description: { vi: "Học sinh được tiếp cận ÷ tổng số học sinh", en: "Pupils reached ÷ enrolment" },
      compute({ records }) {
        const reach = latestPerLocality(records.reach as Reach[]);
        return ratio(
          reach.reduce((n, r) => n + r.data.pupilsReached, 0),
          reach.reduce((n, r) => n + r.data.enrolment, 0),
        );
      },
    },
    {
      id: "field-trip-count",
      indicator: "geopark-education.field_trip_count",
      forms: ["fieldTrip"],
      compute: ({ records }) => ({ value: records.fieldTrip.length }),
    },
    {
      id: "pupil-visit-count",
      indicator: "geopark-education.pupil_visit_count",
      forms: ["fieldTrip"],
      compute: ({ records }) => ({ value: records.fieldTrip.reduce((n, t) => n + t.data.pupils, 0) }),
    },
  ],
  tables: { sites },
  migrationsFolder: fileURLToPath(new URL("../drizzle", import.meta.url)),
  procedures: geoparkRouter,
});
