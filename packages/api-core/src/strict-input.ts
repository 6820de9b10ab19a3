/**
 * Every procedure input refuses unknown keys (a typo must not be silently dropped): {@link strictInputs} wraps a
 * procedure builder so that whatever schema `.input()` is given, every object in it is parsed strictly. The refusal is
 * a 400 whose field errors name each unknown key (see `unknownKeyErrors` in ./errors.ts).
 *
 * Objects that already say what to do with other keys (`z.looseObject`, `.catchall(…)`) and records are left as they
 * are; an intersection of two objects becomes one strict object with both shapes and both objects' checks.
 */
import { z } from "zod";

type AnyZod = z.ZodType;
type Def = { type: string; [k: string]: unknown };

const defOf = (s: AnyZod): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const cloneWith = (s: AnyZod, def: Def): AnyZod => (s as unknown as { clone(def: Def): AnyZod }).clone(def);

const done = new WeakMap<AnyZod, AnyZod>();

/** `schema` with every object in it strict (unknown keys refused). Returns the same schema when nothing changes. */
export function strictDeep<T extends AnyZod>(schema: T): T {
  return strict(schema) as T;
}

function strict(schema: AnyZod): AnyZod {
  const cached = done.get(schema);
  if (cached) return cached;
  const result = transform(schema);
  done.set(schema, result);
  return result;
}

function transform(schema: AnyZod): AnyZod {
  const def = defOf(schema);
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, AnyZod>;
      const strictShape = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, strict(v)]));
      const changed = Object.keys(shape).some((k) => strictShape[k] !== shape[k]);
      if (def.catchall !== undefined && !changed) return schema;
      return cloneWith(schema, { ...def, shape: strictShape, ...(def.catchall === undefined ? { catchall: z.never() } : {}) });
    }
    case "intersection": {
      const left = defOf(def.left as AnyZod);
      const right = defOf(def.right as AnyZod);
      if (left.type === "object" && right.type === "object" && left.catchall === undefined && right.catchall === undefined) {
        const l = left.shape as Record<string, AnyZod>;
        const r = right.shape as Record<string, AnyZod>;
        if (!Object.keys(r).some((k) => Object.hasOwn(l, k))) {
          const merged = z.object({ ...l, ...r });
          const checks = [...((left.checks as unknown[]) ?? []), ...((right.checks as unknown[]) ?? []), ...((def.checks as unknown[]) ?? [])];
          return strict(cloneWith(merged, { ...defOf(merged), checks }));
        }
      }
      return cloneWith(schema, { ...def, left: strict(def.left as AnyZod), right: strict(def.right as AnyZod) });
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return rewrap(schema, def, "innerType");
    case "array":
      return rewrap(schema, def, "element");
    case "record":
      return rewrap(schema, def, "valueType");
    case "pipe": {
      const input = strict(def.in as AnyZod);
      const output = strict(def.out as AnyZod);
      return input === def.in && output === def.out ? schema : cloneWith(schema, { ...def, in: input, out: output });
    }
    case "union": {
      const options = def.options as AnyZod[];
      const strictOptions = options.map(strict);
      return strictOptions.every((o, i) => o === options[i]) ? schema : cloneWith(schema, { ...def, options: strictOptions });
    }
    default:
      return schema;
  }
}

function rewrap(schema: AnyZod, def: Def, key: string): AnyZod {
  const inner = def[key] as AnyZod;
  const strictInner = strict(inner);
  return strictInner === inner ? schema : cloneWith(schema, { ...def, [key]: strictInner });
}

/**
 * The procedure builder `builder`, with `.input(schema)` taking {@link strictDeep}`(schema)`; builders derived from it
 * (`.use`, `.meta`, `.input`, …) do the same.
 */
export function strictInputs<B extends object>(builder: B): B {
  return new Proxy(builder, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== "function") return value;
      if (prop === "input") return (schema: AnyZod) => wrapIfBuilder((value as (s: AnyZod) => unknown).call(target, strictDeep(schema)));
      // A procedure without an input takes none: `{ x: 1 }` is refused naming `x`, not ignored.
      if ((prop === "query" || prop === "mutation") && !hasInput(target))
        return (resolver: unknown) => (Reflect.get(target, "input", receiver) as (s: AnyZod) => Record<string, (r: unknown) => unknown>).call(target, NoInput)[prop]!(resolver);
      return (...args: unknown[]) => wrapIfBuilder((value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
}

/** The input of a procedure that takes none: nothing, or an empty object. */
const NoInput = z.strictObject({}).optional();

const hasInput = (builder: object): boolean => ((builder as { _def?: { inputs?: unknown[] } })._def?.inputs?.length ?? 0) > 0;

function wrapIfBuilder(result: unknown): unknown {
  const isBuilder = typeof result === "object" && result !== null && typeof (result as { input?: unknown }).input === "function" && "_def" in result;
  return isBuilder ? strictInputs(result as object) : result;
}
