import { describe, expect, it } from "vitest";
import en from "./en";
import vi from "./vi";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const placeholders = (text: unknown) => [...String(text).matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();

function lookup(messages: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

describe("the console's messages", () => {
  it("have the same keys in Vietnamese and English", () => {
    const viKeys = keys({ resources: vi.resources, eduplan: vi.eduplan }).sort();
    const enKeys = keys({ resources: en.resources, eduplan: en.eduplan }).sort();
    expect(viKeys).toEqual(enKeys);
  });

  it("use the same placeholders in both languages", () => {
    for (const key of keys({ resources: vi.resources, eduplan: vi.eduplan })) {
      expect(placeholders(lookup(en, key)), key).toEqual(placeholders(lookup(vi, key)));
    }
  });

  it("write Vietnamese labels with diacritics", () => {
    expect(lookup(vi, "resources.targets.fields.value")).toBe("Giá trị");
    expect(lookup(vi, "eduplan.enum.verdict.stronger")).toBe("Cao hơn cấp trên");
    expect(lookup(vi, "resources.targets.empty")).toContain("Chưa có chỉ tiêu nào");
  });
});
