/** Writes docs/province-file.md from the schema (see src/reference-doc.ts). */
import { writeFileSync } from "node:fs";
import { PROVINCE_FILE_DOC, provinceFileDocText } from "../src/reference-doc-file.js";

writeFileSync(PROVINCE_FILE_DOC, provinceFileDocText());
console.log(`written: ${PROVINCE_FILE_DOC}`);
