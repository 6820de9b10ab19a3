import { describe, expect, it } from "vitest";
import { DEFAULT_COLLECTIVE_ASSIGNEES } from "./agency.js";
import { assigneeKey, createAssigneeMatcher, repeatedAssigneeNames, sameAssigneeName, type AssigneeCandidate } from "./assignee-match.js";

const CANDIDATES: AssigneeCandidate<string>[] = [
  { kind: "agency", ref: "ubnd-tinh", names: ["Ủy ban nhân dân tỉnh Lạng Sơn", "UBND tỉnh", "Ủy ban nhân dân tỉnh"] },
  { kind: "agency", ref: "so-gddt", names: ["Sở Giáo dục và Đào tạo", "Sở GD&ĐT"] },
  { kind: "agency", ref: "so-vhttdl", names: ["Sở Văn hóa, Thể thao và Du lịch"] },
  { kind: "agency", ref: "mttq", names: ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban MTTQ tỉnh"] },
  { kind: "agency", ref: "so-yte-ls", names: ["Sở Y tế"] },
  { kind: "agency", ref: "so-yte-lc", names: ["Sở Y tế"] },
  ...DEFAULT_COLLECTIVE_ASSIGNEES.map((c) => ({ kind: "collective" as const, ref: c.code, names: [c.nameVi, ...c.aliases] })),
];
const matcher = createAssigneeMatcher(CANDIDATES);
const refOf = (words: string) => {
  const m = matcher.match(words);
  return m.status === "matched" ? m.candidate.ref : m.status;
};

describe("assigneeKey / createAssigneeMatcher", () => {
  it("ignores case, diacritics and spacing", () => {
    expect(refOf("uy ban nhan dan   tinh lang son")).toBe("ubnd-tinh");
    expect(refOf("ỦY BAN NHÂN DÂN TỈNH")).toBe("ubnd-tinh");
    expect(refOf(" Sở  giáo dục và đào tạo ")).toBe("so-gddt");
  });

  it("reads spelling variants alike: hoá/hóa, Uỷ/Ủy, composed or decomposed", () => {
    expect(refOf("Sở Văn hoá, Thể thao và Du lịch")).toBe("so-vhttdl");
    expect(refOf("Uỷ ban nhân dân tỉnh")).toBe("ubnd-tinh");
    expect(refOf("Ủy ban nhân dân tỉnh".normalize("NFD"))).toBe("ubnd-tinh");
    expect(assigneeKey("Hoá")).toBe(assigneeKey("Hóa"));
  });

  it("ignores trailing punctuation and treats inner punctuation as a space", () => {
    expect(refOf("Sở GD&ĐT.")).toBe("so-gddt");
    expect(refOf("Sở GD & ĐT;")).toBe("so-gddt");
    expect(refOf("UBND các xã, phường.")).toBe("commune-peoples-committees");
    expect(refOf("Các tổ chức chính trị – xã hội")).toBe("socio-political-organisations");
  });

  it("reads the usual abbreviations in full (UBND, GD&ĐT, MTTQ)", () => {
    expect(refOf("Sở Giáo dục & Đào tạo")).toBe("so-gddt");
    expect(refOf("Ủy ban nhân dân các xã, phường")).toBe("commune-peoples-committees");
    expect(refOf("UBND tỉnh Lạng Sơn")).toBe("ubnd-tinh");
    expect(refOf("Ủy ban Mặt trận Tổ quốc tỉnh")).toBe("mttq");
    expect(sameAssigneeName("UBND", "Ủy ban nhân dân")).toBe(true);
  });

  it("matches every alias of an agency, and says 'ambiguous' when two agencies share a name, never guessing", () => {
    expect(refOf("UBND tỉnh")).toBe("ubnd-tinh");
    expect(matcher.match("Sở Y tế")).toMatchObject({ status: "ambiguous", candidates: [{ ref: "so-yte-ls" }, { ref: "so-yte-lc" }] });
    expect(refOf("Sở Tài chính")).toBe("unmatched");
    expect(refOf("Sở")).toBe("unmatched");
    expect(refOf("")).toBe("unmatched");
  });

  it("does not confuse a word with an abbreviation inside another word", () => {
    expect(assigneeKey("tpx")).toBe("tpx");
    expect(assigneeKey("TP. Lạng Sơn")).toBe("thanh pho lang son");
  });

  it("finds names a list repeats under another spelling", () => {
    expect(repeatedAssigneeNames(["UBND tỉnh", "Ủy ban nhân dân tỉnh.", "Sở Y tế"])).toEqual(["Ủy ban nhân dân tỉnh."]);
  });
});
