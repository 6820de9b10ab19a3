import { readFileSync } from "node:fs";
import { LineCounter, parseDocument, isNode } from "yaml";
import { fieldErrorsFromZod, type FieldError } from "@eduplan/domain";
import { ProvinceConfigSchema, type ProvinceConfig } from "./schema.js";

/** A problem in the file, located by path and (for YAML and JSON alike) line. */
export type ConfigError = { path: string; line: number | null; message: { vi: string; en: string } };

export class ConfigInvalidError extends Error {
  constructor(
    readonly file: string,
    readonly errors: ConfigError[],
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
  const parsed = ProvinceConfigSchema.safeParse(doc.toJS());
  if (!parsed.success) throw new ConfigInvalidError(file, withLines(fieldErrorsFromZod(parsed.error), lineOf));
  return { file, config: parsed.data, lineOf };
}

export function readProvinceConfig(file: string): ParsedConfig {
  return parseProvinceConfig(readFileSync(file, "utf8"), file);
}

export function withLines(errors: FieldError[], lineOf: (path: string) => number | null): ConfigError[] {
  return errors.map((e) => ({ ...e, line: lineOf(e.path) }));
}
