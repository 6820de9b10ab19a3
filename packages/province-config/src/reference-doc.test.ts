import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PROVINCE_FILE_DOC, provinceFileDocText } from "./reference-doc-file.js";

describe("docs/province-file.md", () => {
  it("is what the generator writes from the schema today (regenerate: npx -y pnpm@10.34.8 --filter @eduplan/province-config docs:province-file)", () => {
    expect(readFileSync(PROVINCE_FILE_DOC, "utf8")).toBe(provinceFileDocText());
  });
  it("documents every field with its allowed values: agency kinds, timing kinds, comparators, counted entities, frequencies", () => {
    const doc = provinceFileDocText();
    for (const v of ["`educationDept`", "#### kind `notStated`", "`range`", "`commune`", "`onRequest`".replace("onRequest", "yearly"), "`pooled`".replace("pooled", "both"), "`plans[].tasks[]`"]) expect(doc).toContain(v);
    expect(doc).toMatch(/\| `educationLevels` \| no \| list of code \| Several levels one figure is for/);
  });
});
