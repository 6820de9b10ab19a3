import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEFAULT_COLLECTIVE_ASSIGNEES, EDUCATION_LEVEL_CODES } from "@eduplan/domain";
import { ProvinceConfigSchema, type ProvinceConfig, type TargetEntry } from "@eduplan/province-config";
import { CATALOG_SOURCE_TO_PLAN, SAMPLE_PROVINCE_FILES } from "./index.js";

type CatalogTarget = {
  source: string;
  indicator: string;
  comparator: string;
  value: number | null;
  value_max: number | null;
  target_year: number | null;
  condition: string | null;
  phrase_vi: string;
  section: string;
};

const catalog = JSON.parse(readFileSync(fileURLToPath(new URL("../reference/catalog-indicators.json", import.meta.url)), "utf8")) as {
  targets: CatalogTarget[];
};

/*
 * The catalog is the reference. Where it disagreed with a document, the sample data would keep the document's wording
 * and the difference would be listed here. None was found: every catalog target of the three sources was checked
 * against the seed texts (phrase found verbatim once line breaks are collapsed; comparator, figure and year as
 * written), so the comparison below is exact.
 */

/** Codes loaded by the reference data (`@eduplan/catalog`), so a province file may refer to them. */
const REFERENCE_PLANS = new Set(["national-strategy-1705"]);
const REFERENCE_LOCALITIES = new Set(["vn"]);
/** Bộ GD&ĐT receives the province's consolidated report (LS §V); the reference data loads it as a central agency. */
const REFERENCE_AGENCIES = new Set(["vn.ministry-of-education"]);
/** The level of schooling a target is broken down by, from its indicator's code. */
const EDUCATION_LEVEL_OF_PREFIX: [string, string][] = [
  ["ecec.nursery.", "nursery"],
  ["ecec.kindergarten.", "kindergarten"],
  ["primary.", "primary"],
  ["lower_secondary.", "lowerSecondary"],
  ["upper_secondary.", "upperSecondary"],
];
const COLLECTIVES = new Set([
  "provincial-agencies",
  "district-agencies",
  "commune-peoples-committees",
  "institutions",
  "socio-political-organisations",
  "district-peoples-committees",
]);

const configs: { file: string; config: ProvinceConfig }[] = SAMPLE_PROVINCE_FILES.map((file) => ({
  file,
  config: ProvinceConfigSchema.parse(parse(readFileSync(file, "utf8"))),
}));
const plans = configs.flatMap(({ config }) => config.plans);

function flatten(targets: TargetEntry[] | undefined): TargetEntry[] {
  return (targets ?? []).flatMap((t) => [t, ...flatten(t.subTargets)]);
}

const numberKey = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));
/** What the test compares: indicator, comparator, value, valueMax, target year. */
const shortKey = (t: { indicator: string; comparator: string; value: unknown; valueMax: unknown; year: unknown }) =>
  [t.indicator, t.comparator, numberKey(t.value as number), numberKey(t.valueMax as number), numberKey(t.year as number)].join(" | ");
/** The same, plus the verbatim phrase, the section and the English condition. */
const fullKey = (t: Parameters<typeof shortKey>[0] & { phrase: unknown; section: unknown; condition: unknown }) =>
  [shortKey(t), t.phrase ?? "", t.section ?? "", t.condition ?? ""].join(" | ");

const fromCatalog = (t: CatalogTarget) => ({
  indicator: t.indicator,
  comparator: t.comparator,
  value: t.value,
  valueMax: t.value_max,
  year: t.target_year,
  phrase: t.phrase_vi,
  section: t.section,
  condition: t.condition,
});
const fromPlan = (t: TargetEntry) => ({
  indicator: t.indicator,
  comparator: t.comparator,
  value: t.value,
  valueMax: t.valueMax,
  year: t.targetYear,
  phrase: t.phraseVi,
  section: t.section,
  condition: t.conditionEn,
});

describe("sample province files", () => {
  it("are the two files, and each parses with ProvinceConfigSchema", () => {
    expect(SAMPLE_PROVINCE_FILES).toHaveLength(2);
    expect(configs.map((c) => c.config.province.code)).toEqual(["lang-son", "lai-chau"]);
  });

  it("hold the three plans the catalog sources map to", () => {
    expect(plans.map((p) => p.code).sort()).toEqual(Object.values(CATALOG_SOURCE_TO_PLAN).sort());
  });

  it("use levels of schooling the domain defines", () => {
    for (const [, level] of EDUCATION_LEVEL_OF_PREFIX) expect(EDUCATION_LEVEL_CODES).toContain(level);
  });

  it("match the collective assignees the domain defines", () => {
    expect(new Set(DEFAULT_COLLECTIVE_ASSIGNEES.map((c) => c.code))).toEqual(COLLECTIVES);
  });
});

describe("targets against the catalog", () => {
  it("has 179 catalog targets for the three sources (82 + 51 + 46)", () => {
    const count = (s: string) => catalog.targets.filter((t) => t.source === s).length;
    expect([count("lang-son-243-2025"), count("bang-mac-2025"), count("muong-te-2025")]).toEqual([82, 51, 46]);
  });

  for (const [source, planCode] of Object.entries(CATALOG_SOURCE_TO_PLAN)) {
    describe(`${source} → plan ${planCode}`, () => {
      const plan = plans.find((p) => p.code === planCode);
      const expected = catalog.targets.filter((t) => t.source === source);
      const actual = flatten(plan?.targets);

      it("has the same targets as a multiset of (indicator, comparator, value, valueMax, year), and no extra", () => {
        expect(plan).toBeDefined();
        expect(actual.map((t) => shortKey(fromPlan(t))).sort()).toEqual(expected.map((t) => shortKey(fromCatalog(t))).sort());
      });

      it("copies the phrase verbatim, the section and the English condition", () => {
        expect(actual.map((t) => fullKey(fromPlan(t))).sort()).toEqual(expected.map((t) => fullKey(fromCatalog(t))).sort());
      });

      it("nests the 'trong đó' sub-targets under their parent, and only those", () => {
        const nested = (plan?.targets ?? []).flatMap((t) => flatten(t.subTargets));
        const subs = expected.filter((t) => t.condition?.includes("sub-target"));
        expect(nested.map((t) => t.phraseVi).sort()).toEqual(subs.map((t) => t.phrase_vi).sort());
        for (const parent of plan?.targets ?? []) for (const sub of parent.subTargets ?? []) expect(sub.section).toBe(parent.section);
      });

      it("gives every target a code unique within the plan", () => {
        const codes = actual.map((t) => t.code);
        expect(codes.every((c) => typeof c === "string" && c.length > 0)).toBe(true);
        expect(new Set(codes).size).toBe(codes.length);
      });

      it("adds the structure the conditions state", () => {
        for (const t of actual) {
          const c = t.conditionEn ?? "";
          if (/extremely difficult/.test(c)) expect(t.areaFlag, t.phraseVi).toBe("isExtremelyDifficultArea");
          else expect(t.areaFlag, t.phraseVi).toBeUndefined();
          const age = c.match(/aged (\d+)–(\d+)/);
          expect([t.ageFrom, t.ageTo], t.phraseVi).toEqual(age ? [Number(age[1]), Number(age[2])] : [undefined, undefined]);
          expect(t.appliesEveryYear ?? false, t.phraseVi).toBe(/^every year/.test(c));
          if (/^(phấn đấu|phần đầu)/i.test(t.phraseVi ?? "")) expect(t.isAspirational, t.phraseVi).toBe(true);
          if (t.conditionEn) expect(t.conditionVi, t.phraseVi).toBeTruthy();
          expect(t.educationLevel, t.indicator).toBe(EDUCATION_LEVEL_OF_PREFIX.find(([p]) => t.indicator.startsWith(p))?.[1]);
          if (/universal_education_commune_rate$/.test(t.indicator)) expect(t.counting?.criterionVi).toMatch(/^đạt chuẩn phổ cập giáo dục/);
          expect(t.milestones, "the roadmap appendix is not in the texts").toBeUndefined();
        }
      });
    });
  }
});

describe("references", () => {
  for (const { file, config } of configs) {
    describe(file.replace(/.*\//, ""), () => {
      const localityCodes = new Set([config.province.code, ...config.localities.map((l) => l.code), ...REFERENCE_LOCALITIES]);
      const agencyCodes = new Set([...config.agencies.map((a) => a.code), ...REFERENCE_AGENCIES]);
      const planCodes = new Set([...plans.map((p) => p.code), ...REFERENCE_PLANS]);
      const assignee = (code: string) => agencyCodes.has(code) || COLLECTIVES.has(code);

      it("has no duplicate codes", () => {
        for (const codes of [config.localities.map((l) => l.code), config.agencies.map((a) => a.code), config.users.map((u) => u.username)])
          expect(codes.length).toBe(new Set(codes).size);
        for (const plan of config.plans) {
          const tasks = (plan.tasks ?? []).map((t) => t.code);
          expect(tasks.length).toBe(new Set(tasks).size);
        }
      });

      it("refers only to localities that exist", () => {
        const refs = [
          config.province.parent,
          ...config.localities.flatMap((l) => [l.parent, l.successor]),
          ...config.agencies.map((a) => a.locality),
          ...config.users.map((u) => u.locality),
          ...config.plans.map((p) => p.locality),
        ].filter((c): c is string => c !== undefined);
        expect(refs.filter((c) => !localityCodes.has(c))).toEqual([]);
      });

      it("refers only to agencies (or collective assignees) that exist", () => {
        const agencyRefs = [
          ...config.agencies.flatMap((a) => [a.parent, ...(a.predecessors ?? []).map((p) => p.agency)]),
          ...config.plans.flatMap((p) => [
            p.issuingAgency,
            ...(p.agencyDuties ?? []).map((d) => d.agency),
            ...(p.reportingObligations ?? []).flatMap((o) => [o.reporter, o.recipient]),
          ]),
        ].filter((c): c is string => c !== undefined);
        expect(agencyRefs.filter((c) => !agencyCodes.has(c))).toEqual([]);

        const collectiveRefs = config.plans
          .flatMap((p) => [...(p.agencyDuties ?? []).map((d) => d.collective), ...(p.reportingObligations ?? []).map((o) => o.reporterCollective)])
          .filter((c): c is string => c !== undefined);
        expect(collectiveRefs.filter((c) => !COLLECTIVES.has(c))).toEqual([]);

        const taskRefs = config.plans.flatMap((p) => (p.tasks ?? []).flatMap((t) => [...(t.lead ?? []), ...(t.coordinating ?? []), ...(t.requested ?? [])]));
        expect(taskRefs.filter((c) => !assignee(c))).toEqual([]);
      });

      it("names exactly one assignee per duty and one reporter per obligation", () => {
        for (const p of config.plans) {
          for (const d of p.agencyDuties ?? []) expect((d.agency === undefined) !== (d.collective === undefined), d.section).toBe(true);
          for (const o of p.reportingObligations ?? []) expect(o.reporter !== undefined || o.reporterCollective !== undefined, o.subjectVi).toBe(true);
        }
      });

      it("refers only to plans and solution groups that exist", () => {
        const refs = config.plans
          .flatMap((p) => [p.parentPlan, ...(p.relations ?? []).map((r) => r.plan)])
          .filter((c): c is string => c !== undefined);
        expect(refs.filter((c) => !planCodes.has(c))).toEqual([]);
        for (const p of config.plans) {
          const groups = new Set((p.solutionGroups ?? []).map((g) => g.code));
          expect((p.tasks ?? []).map((t) => t.solutionGroup).filter((g) => g !== undefined && !groups.has(g))).toEqual([]);
        }
      });

      it("gives every relation a plan in the system or a cited document", () => {
        for (const p of config.plans)
          for (const r of p.relations ?? []) expect(r.plan !== undefined || r.cited?.number !== undefined || r.cited?.titleVi !== undefined).toBe(true);
      });

      it("has a locality for every role but system_admin", () => {
        for (const u of config.users) expect(u.role === "system_admin" || u.locality !== undefined, u.username).toBe(true);
      });
    });
  }
});
