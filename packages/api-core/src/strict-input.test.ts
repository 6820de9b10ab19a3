import { describe, expect, test } from "vitest";
import { z } from "zod";
import { GetManyReferenceInput, ListInput, VersionedIdsInput } from "./inputs.js";
import { strictDeep } from "./strict-input.js";

const issuesOf = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues ?? [];

describe("strictDeep: every object of an input refuses unknown keys", () => {
  test("top level and nested (pagination inside an optional list input), naming the key", () => {
    const list = strictDeep(ListInput.optional());
    expect(issuesOf(list, { zz: 1 })).toMatchObject([{ code: "unrecognized_keys", keys: ["zz"], path: [] }]);
    expect(issuesOf(list, { pagination: { page: 1, perPage: 5, zz: 1 } })).toMatchObject([{ code: "unrecognized_keys", keys: ["zz"], path: ["pagination"] }]);
    expect(list.parse(undefined)).toBeUndefined();
    expect(list.parse({ filter: { anything: 1 } })).toEqual({ filter: { anything: 1 } });
    expect(issuesOf(strictDeep(GetManyReferenceInput), { target: "planId", id: 1, zz: 1 })).toMatchObject([{ keys: ["zz"] }]);
  });

  test("an intersection of two objects is one strict object that keeps both objects' checks", () => {
    const schema = strictDeep(z.intersection(VersionedIdsInput, z.object({ data: z.record(z.string(), z.unknown()) })));
    expect(schema.parse({ ids: [1], versions: [2], data: { a: 1 } })).toEqual({ ids: [1], versions: [2], data: { a: 1 } });
    expect(issuesOf(schema, { ids: [1], versions: [2], data: {}, zz: 1 })).toMatchObject([{ code: "unrecognized_keys", keys: ["zz"] }]);
    expect(issuesOf(schema, { ids: [1], versions: [], data: {} })).toMatchObject([{ path: ["versions"] }]);
  });

  test("loose objects, catch-alls and records keep their other keys; preprocess, unions and arrays are walked", () => {
    expect(strictDeep(z.looseObject({ a: z.number() })).parse({ a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(strictDeep(z.object({ a: z.number() }).catchall(z.unknown())).parse({ a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    const walked = strictDeep(z.object({ rows: z.array(z.union([z.object({ a: z.number() }), z.string()])), p: z.preprocess((v) => v, z.object({ b: z.number() })) }));
    expect(issuesOf(walked, { rows: [{ a: 1, zz: 1 }], p: { b: 1 } })).not.toEqual([]);
    expect(issuesOf(walked, { rows: ["x"], p: { b: 1, zz: 1 } })).toMatchObject([{ code: "unrecognized_keys", keys: ["zz"], path: ["p"] }]);
  });
});
