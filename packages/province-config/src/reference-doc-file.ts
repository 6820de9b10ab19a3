import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { provinceFileReference } from "./reference-doc.js";

const ROOT = new URL("../../../", import.meta.url);
export const PROVINCE_FILE_DOC = fileURLToPath(new URL("docs/province-file.md", ROOT));
const EXAMPLES = [
  { name: "A province (docs/examples/province.yaml)", file: "docs/examples/province.yaml" },
  { name: "A commune plan with every concept of real plans (docs/examples/commune-plan.yaml)", file: "docs/examples/commune-plan.yaml" },
];

/** The text docs/province-file.md must have: the reference and the example files as they are. */
export function provinceFileDocText(): string {
  const examples = EXAMPLES.flatMap((e) => {
    try {
      return [{ name: e.name, text: readFileSync(fileURLToPath(new URL(e.file, ROOT)), "utf8") }];
    } catch {
      return [];
    }
  });
  return provinceFileReference(examples);
}
