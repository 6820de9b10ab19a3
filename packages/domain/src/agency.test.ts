import { describe, expect, it } from "vitest";
import {
  AgencyInputSchema,
  CollectiveAssigneeInputSchema,
  CollectiveAssigneeSchema,
  DEFAULT_COLLECTIVE_ASSIGNEES,
  expandCollectiveAssignee,
  type AgencyKind,
  type CollectiveAssignee,
} from "./agency.js";
import { repeatedAssigneeNames } from "./assignee-match.js";

const collective = (code: string): CollectiveAssignee => {
  const c = DEFAULT_COLLECTIVE_ASSIGNEES.find((x) => x.code === code);
  if (!c) throw new Error(`no collective ${code}`);
  return c;
};

/**
 * Lạng Sơn (1) ─┬─ district Cao Lộc (2, before 2025) ─ commune Bằng Mạc (3) ─ school (5)
 *               ├─ ward Đông Kinh (4)
 *               └─ commune Đồng Đăng (6)
 * Lai Châu (9) ── commune (10)
 */
const LOCALITIES = [
  { id: 1, parentId: null, levelCode: "province" },
  { id: 2, parentId: 1, levelCode: "district" },
  { id: 3, parentId: 2, levelCode: "commune" },
  { id: 4, parentId: 1, levelCode: "ward" },
  { id: 5, parentId: 3, levelCode: "school" },
  { id: 6, parentId: 1, levelCode: "commune" },
  { id: 9, parentId: null, levelCode: "province" },
  { id: 10, parentId: 9, levelCode: "commune" },
];

type A = { id: number; kind: AgencyKind; localityId: number; name: string };
const AGENCIES: A[] = [
  { id: 100, kind: "peoplesCommittee", localityId: 1, name: "UBND tỉnh Lạng Sơn" },
  { id: 101, kind: "peoplesCouncil", localityId: 1, name: "HĐND tỉnh" },
  { id: 102, kind: "educationDept", localityId: 1, name: "Sở GD&ĐT" },
  { id: 103, kind: "financeDept", localityId: 1, name: "Sở Tài chính" },
  { id: 104, kind: "healthDept", localityId: 1, name: "Sở Y tế" },
  { id: 105, kind: "fatherlandFrontCommittee", localityId: 1, name: "Ủy ban MTTQ tỉnh" },
  { id: 200, kind: "peoplesCommittee", localityId: 2, name: "UBND huyện Cao Lộc" },
  { id: 201, kind: "educationDivision", localityId: 2, name: "Phòng GD&ĐT huyện" },
  { id: 202, kind: "fatherlandFrontCommittee", localityId: 2, name: "MTTQ huyện" },
  { id: 300, kind: "peoplesCommittee", localityId: 3, name: "UBND xã Bằng Mạc" },
  { id: 301, kind: "otherDept", localityId: 3, name: "a department-like office of the commune" },
  { id: 400, kind: "peoplesCommittee", localityId: 4, name: "UBND phường Đông Kinh" },
  { id: 500, kind: "school", localityId: 5, name: "Trường Mầm non Bằng Mạc" },
  { id: 501, kind: "peoplesCommittee", localityId: 5, name: "a committee wrongly placed at a school" },
  { id: 600, kind: "peoplesCommittee", localityId: 6, name: "UBND xã Đồng Đăng" },
  { id: 900, kind: "educationDept", localityId: 9, name: "Sở GD&ĐT Lai Châu" },
  { id: 1000, kind: "peoplesCommittee", localityId: 10, name: "UBND xã (Lai Châu)" },
];
const ids = (as: A[]) => as.map((a) => a.id).sort((a, b) => a - b);

describe("expandCollectiveAssignee", () => {
  it("'các sở, ban, ngành' is the province's departments only: not the UBND, the HĐND, a commune's offices or another province's", () => {
    expect(ids(expandCollectiveAssignee(collective("provincial-agencies"), 1, AGENCIES, LOCALITIES))).toEqual([102, 103, 104]);
  });

  it("'UBND các xã, phường' is the peoples committees of communes and wards below the province", () => {
    const r = expandCollectiveAssignee(collective("commune-peoples-committees"), 1, AGENCIES, LOCALITIES);
    // Bằng Mạc (3) sits below a district and is still found; not the province (100), the district (200), the school (501)
    // nor the other province's commune (1000).
    expect(ids(r)).toEqual([300, 400, 600]);
  });

  it("'UBND các xã, phường' of a district plan covers its own communes only", () => {
    expect(ids(expandCollectiveAssignee(collective("commune-peoples-committees"), 2, AGENCIES, LOCALITIES))).toEqual([300]);
  });

  it("'các cơ quan, ban, ngành, đoàn thể huyện' for a district plan: divisions and mass organisations of the district", () => {
    expect(ids(expandCollectiveAssignee(collective("district-agencies"), 2, AGENCIES, LOCALITIES))).toEqual([201, 202]);
  });

  it("'các cơ sở giáo dục' reaches schools at any depth below the plan's locality", () => {
    expect(ids(expandCollectiveAssignee(collective("institutions"), 1, AGENCIES, LOCALITIES))).toEqual([500]);
  });

  it("a locality with no children expands a descendants rule to nothing", () => {
    expect(expandCollectiveAssignee(collective("commune-peoples-committees"), 6, AGENCIES, LOCALITIES)).toEqual([]);
  });

  it("an empty kinds list matches every kind in scope", () => {
    const anyAtSelf = CollectiveAssigneeSchema.parse({ code: "all", nameVi: "Tất cả", kinds: [], scope: "self" });
    expect(ids(expandCollectiveAssignee(anyAtSelf, 2, AGENCIES, LOCALITIES))).toEqual([200, 201, 202]);
  });

  it("a collective declared with its member agencies stands for exactly those ('các cơ quan liên quan' of one plan)", () => {
    const related = CollectiveAssigneeSchema.parse({ code: "related", nameVi: "Các cơ quan liên quan", localityId: 1, kinds: ["healthDept"], memberAgencyIds: [103, 105] });
    expect(ids(expandCollectiveAssignee(related, 1, AGENCIES, LOCALITIES))).toEqual([103, 105]);
  });

  it("a collective declared by a locality level: 'UBND các huyện, thành phố' before the 2025 reform", () => {
    expect(ids(expandCollectiveAssignee(collective("district-peoples-committees"), 1, AGENCIES, LOCALITIES))).toEqual([200]);
  });
});

describe("collective assignees are data", () => {
  it("the built-ins are rows like any other: no locality, aliases, valid against the input schema", () => {
    for (const c of DEFAULT_COLLECTIVE_ASSIGNEES) {
      expect(CollectiveAssigneeInputSchema.parse(c)).toEqual(c);
      expect(c.localityId).toBeNull();
      expect(c.aliases.length).toBeGreaterThan(0);
      expect(repeatedAssigneeNames([c.nameVi, ...c.aliases])).toEqual([]);
    }
    expect(new Set(DEFAULT_COLLECTIVE_ASSIGNEES.map((c) => c.code)).size).toBe(DEFAULT_COLLECTIVE_ASSIGNEES.length);
  });

  it("an agency keeps several aliases", () => {
    const a = AgencyInputSchema.parse({ code: "ubnd", nameVi: "Ủy ban nhân dân tỉnh Lạng Sơn", kind: "peoplesCommittee", localityId: 1, aliases: ["UBND tỉnh", "Ủy ban nhân dân tỉnh"] });
    expect(a.aliases).toEqual(["UBND tỉnh", "Ủy ban nhân dân tỉnh"]);
    expect(AgencyInputSchema.parse({ code: "x", nameVi: "Sở Y tế", kind: "healthDept", localityId: 1 }).aliases).toEqual([]);
  });
});
