import { readFileSync } from "node:fs";
import { LineCounter, parseDocument, isNode } from "yaml";
import { fieldErrorsFromZod, type FieldError } from "@eduplan/domain";
import { ProvinceConfigSchema, type ProvinceConfig } from "./schema.js";
import { nearestCode } from "./suggest.js";

/** A problem in the file, located by path and (for YAML and JSON alike) line. */
export type ConfigError = { path: string; line: number | null; message: { vi: string; en: string } };

export class ConfigInvalidError extends Error {
  constructor(
    readonly file: string,
    readonly errors: ConfigError[],
    /**
     * When the file has shape errors: the rest of it (the entries with mistakes left out), so that its checks against
     * the database can run too and every error is listed at once (`allErrors` of ./apply.ts).
     */
    readonly partial: ParsedConfig | null = null,
  ) {
    super(`${file}: ${errors.length} error(s)\n` + errors.map((e) => `  ${e.line ? `line ${e.line}, ` : ""}${e.path || "(file)"}: ${e.message.en}`).join("\n"));
    this.name = "ConfigInvalidError";
  }
}

export type ParsedConfig = {
  file: string;
  config: ProvinceConfig;
  /** Finds the line of a path such as `plans.0.targets.3.value`. */
  lineOf: (path: string) => number | null;
  /** The path in the file as written, for a path of a partial config (entries left out shift the indexes). */
  originalPath?: (path: string) => string;
  /** The codes of the entries a partial config left out (not "unknown" where the file names them). */
  droppedCodes?: Set<string>;
};

/** Parse a YAML or JSON province file (JSON is YAML) and validate its shape. Throws ConfigInvalidError. */
export function parseProvinceConfig(text: string, file = "<input>"): ParsedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (path: string): number | null => {
    const keys = path === "" ? [] : path.split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    for (let n = keys.length; n >= 0; n--) {
      const node = doc.getIn(keys.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return null;
  };
  if (doc.errors.length) {
    throw new ConfigInvalidError(
      file,
      doc.errors.map((e) => ({
        path: "",
        line: e.linePos?.[0]?.line ?? null,
        message: { en: `syntax error: ${e.message}`, vi: `Lỗi cú pháp: ${e.message}` },
      })),
    );
  }
  const raw = doc.toJS() as unknown;
  const parsed = ProvinceConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = withLines(fieldErrorsFromZod(parsed.error), lineOf).map((e) => withEnumSuggestion(e, raw));
    throw new ConfigInvalidError(file, errors, partialConfig(raw, parsed.error.issues.map((i) => i.path), file, lineOf));
  }
  return { file, config: parsed.data, lineOf };
}

export function readProvinceConfig(file: string): ParsedConfig {
  return parseProvinceConfig(readFileSync(file, "utf8"), file);
}

export function withLines(errors: FieldError[], lineOf: (path: string) => number | null): ConfigError[] {
  return errors.map((e) => ({ ...e, line: lineOf(e.path) }));
}

const valueAt = (raw: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), raw);

/** A value outside an enumeration: the nearest allowed one first ("did you mean 'educationDept'?"), then the list. */
function withEnumSuggestion(e: ConfigError, raw: unknown): ConfigError {
  const allowed = /expected one of (.+)$/.exec(e.message.en)?.[1]?.split("|").map((v) => v.replace(/^"|"$/g, ""));
  const value = valueAt(raw, e.path);
  if (!allowed || typeof value !== "string") return e;
  const near = nearestCode(value, allowed);
  return near ? { ...e, message: { en: `'${value}': did you mean '${near}'? ${e.message.en}`, vi: `'${value}': có phải là '${near}'? ${e.message.vi}` } } : e;
}

/**
 * The file without its entries that have shape errors (each mistake drops the innermost list entry holding it), with a
 * map back to the file's own indexes; null when a mistake is outside any list (the `province:` section) or the rest
 * still does not parse.
 */
function partialConfig(raw: unknown, paths: PropertyKey[][], file: string, lineOf: (path: string) => number | null): ParsedConfig | null {
  const copy = structuredClone(raw);
  const drops = new Map<string, { keys: (string | number)[]; indexes: Set<number> }>();
  for (const path of paths) {
    const keys = path.map((k) => (typeof k === "number" ? k : String(k)));
    const last = keys.findLastIndex((k) => typeof k === "number");
    if (last < 0) return null;
    const arrayKeys = keys.slice(0, last);
    const key = arrayKeys.join(".");
    const entry = drops.get(key) ?? { keys: arrayKeys, indexes: new Set<number>() };
    entry.indexes.add(keys[last] as number);
    drops.set(key, entry);
  }
  const kept = new Map<string, number[]>();
  const droppedCodes = new Set<string>();
  // Innermost lists first: removing from them leaves the indexes of the lists around them as they were.
  for (const [key, { keys, indexes }] of [...drops].sort((a, b) => b[1].keys.length - a[1].keys.length)) {
    const list = keys.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], copy);
    if (!Array.isArray(list)) return null;
    kept.set(key, list.map((_, i) => i).filter((i) => !indexes.has(i)));
    for (const i of [...indexes].sort((a, b) => b - a)) {
      const entry = list[i] as Record<string, unknown> | null;
      for (const k of ["code", "username"]) if (entry && typeof entry[k] === "string") droppedCodes.add(entry[k] as string);
      list.splice(i, 1);
    }
  }
  const reparsed = ProvinceConfigSchema.safeParse(copy);
  if (!reparsed.success) return null;
  const originalPath = (path: string) => {
    const out: string[] = [];
    for (const seg of path.split(".")) {
      const map = /^\d+$/.test(seg) ? kept.get(out.join(".")) : undefined;
      out.push(map ? String(map[Number(seg)] ?? seg) : seg);
    }
    return out.join(".");
  };
  return { file, config: reparsed.data, lineOf: (p) => lineOf(originalPath(p)), originalPath, droppedCodes };
}
