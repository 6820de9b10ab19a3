/**
 * `docs/province-file.md`, generated from the zod schema of the province file (`npx -y pnpm@10.34.8 --filter
 * @eduplan/province-config docs:province-file`): every field, whether it is required, its allowed values (from the
 * schema itself) and its meaning (below — a field without one fails the generator, so the reference cannot drift).
 */
import { z } from "zod";
import { ProvinceConfigSchema } from "./schema.js";

/** Meanings by field name, for fields that mean the same wherever they appear. */
const COMMON: Record<string, string> = {
  code: "Stable key of the entry, used by the rest of the file and by later files (letters without diacritics, digits, `. _ : / -`).",
  nameVi: "Name in Vietnamese, with full diacritics, as the documents write it.",
  nameEn: "Name in English (optional; shown on English pages).",
  officialCode: "Official administrative code (mã đơn vị hành chính), when known.",
  population: "Population, for rates per 10,000 inhabitants.",
  isExtremelyDifficultArea: "Area of extremely difficult socio-economic conditions (targets may apply only there).",
  isBorderArea: "Border area.",
  isEthnicMinorityArea: "Ethnic-minority area.",
  isMountainous: "Mountainous area.",
  validFrom: "First day it exists (ISO date, e.g. `2025-07-01`).",
  validTo: "Last day it exists (a locality merged or dissolved in the 2025 reform keeps its older plans).",
  locality: "Code of the locality it belongs to (in this file or already in the database).",
  aliases: "Other ways the documents write the name (\"UBND tỉnh\", \"Ủy ban nhân dân tỉnh\"); matched case-, diacritic- and spacing-insensitively.",
  noteVi: "Free note in Vietnamese.",
  titleVi: "Title in Vietnamese.",
  titleEn: "Title in English (optional).",
  descriptionVi: "Description in Vietnamese.",
  kind: "Kind of the entry (see the allowed values).",
  section: "Where in the document it is stated (\"Mục II.2\").",
  phraseVi: "The document's own words.",
  year: "A year.",
  value: "The figure, in the indicator's unit (percent as 48.5, not 0.485).",
  valueMax: "The upper end of a range.",
};

/** Meanings of fields that differ by where they are: `<section>.<field>` (sections are the tables below). */
const SPECIFIC: Record<string, string> = {
  "province.parent": "Code of the nation (`vn`, loaded with the reference data).",
  "province.reportDeadline": "Yearly reporting deadline as `MM-DD` (`12-10` = 10 December). Omitted: the one already set, else 10 December.",
  localityLevels: "Locality levels the province needs beyond the built-in ones (\"thành phố\" beside \"huyện\").",
  "localityLevels[].rank": "Depth in the hierarchy: 1 province, 2 district, 3 commune, 4 school.",
  "localityLevels[].isAdministrative": "An administrative unit (`true` when omitted) rather than, say, a school.",
  province: "The province the file configures (created, or updated in the fields the file names).",
  localities: "Localities below the province: districts (before 2025), communes, wards, townships, schools.",
  agencies: "Agencies of the province and its localities, with their aliases, former names and predecessors.",
  users: "Console accounts.",
  plans: "Plans (kế hoạch, nghị quyết, quyết định) of the province or of its localities.",
  plugins: "Ids of the locality plugins to switch on for this province (geopark education, Chinese-language teaching, boarding schools).",
  "localities[].level": "Locality level code (nation, province, district, commune, ward, township, school, or one the database has).",
  "localities[].parent": "Code of the parent locality (the province, a district, or a commune for a school).",
  "localities[].successor": "Code of the locality that took it over (provinces and communes merged on 1/7/2025).",
  "agencies[].shortName": "Short name (\"Sở GD&ĐT\").",
  "agencies[].parent": "Code of the agency above it (a department's People's Committee).",
  "agencies[].formerNames": "Earlier names, with the last day each was borne.",
  "agencies[].formerNames[].until": "Last day the agency bore this name.",
  "agencies[].predecessors": "Agencies this one took over in a reorganisation.",
  "agencies[].predecessors[].agency": "Code of the predecessor agency.",
  "agencies[].predecessors[].effectiveOn": "Day the reorganisation took effect.",
  "collectives": "Collective assignees the plans name beyond the built-in ones (\"Các cơ quan liên quan\", \"UBND các huyện, thành phố\").",
  "collectives[].code": "Unique across the installation (built-ins and every province's): prefix it with the province, e.g. `lang-son.related-agencies`.",
  "collectives[].locality": "Locality that declares it (the province when omitted); plans of that locality and below may name it.",
  "collectives[].members": "Codes of the agencies it stands for; when given, kinds/scope/localityLevels are not used.",
  "collectives[].kinds": "Otherwise: the agency kinds it stands for (empty = any kind).",
  "collectives[].scope": "`self`: agencies of the plan's own locality; `descendants`: of the localities below it.",
  "collectives[].localityLevels": "With `descendants`: only localities of these levels.",
  "users[].username": "Login name.",
  "users[].displayName": "Name shown in the console.",
  "users[].role": "Role: what the user may read and write, in their locality's area.",
  "users[].locale": "Language of the console for this user.",
  "users[].password": "Initial password, hashed when applied; an existing user keeps theirs.",
  "indicators": "Indicators this province adds beyond the core catalog.",
  "indicators[].educationLevel": "Level of education of the indicator (`crossCutting` for budget, digital transformation…).",
  "indicators[].unit": "Unit of the figures.",
  "indicators[].direction": "Whether a higher or a lower figure is better.",
  "indicators[].aggregation": "How figures roll up from communes to the province (a rate sums numerators and denominators).",
  "indicators[].measure": "What a rate counts, out of what.",
  "indicators[].measure.countedEntity": "What is counted.",
  "indicators[].measure.numeratorVi": "The numerator, in words.",
  "indicators[].measure.denominatorVi": "The denominator, in words.",
  "plans[].documentKind": "Kind of document (Kế hoạch, Nghị quyết, Quyết định …).",
  "plans[].number": "Document number as written (`243/KH-UBND`).",
  "plans[].locality": "Code of the locality whose plan it is.",
  "plans[].issuingBodyVi": "Issuing body as the document names it.",
  "plans[].issuingAgency": "Code of the issuing agency, when it is an agency of the file or the database.",
  "plans[].issuedOn": "Date of issue.",
  "plans[].signer": "Name of the signer.",
  "plans[].signerTitleVi": "Title of the signer (\"Chủ tịch\", \"Phó Chủ tịch\").",
  "plans[].periodStart": "First year of the plan period.",
  "plans[].periodEnd": "Last year of the plan period.",
  "plans[].visionYear": "Vision year (2045).",
  "plans[].status": "Status of the plan (issued when omitted on creation).",
  "plans[].parentPlan": "Code of the plan above it in the cascade (the province plan of a commune plan).",
  "plans[].generalObjectiveVi": "General objective, in the document's words.",
  "plans[].noteVi": "What the document leaves out or says oddly (\"the signature block names no signer\").",
  "plans[].relations": "Documents it implements, replaces or cites. A list the file mentions replaces the stored one; one it does not mention is kept.",
  "plans[].relations[].plan": "Code of the related plan, when it is in the system.",
  "plans[].relations[].cited": "The document as cited, when it is not in the system.",
  "plans[].relations[].cited.kind": "Kind of the cited document.",
  "plans[].relations[].cited.number": "Its number as written, however irregular (kept; a normalised form is stored beside it for matching).",
  "plans[].relations[].cited.issuedOn": "Its date of issue.",
  "plans[].relations[].cited.issuerVi": "Its issuing body.",
  "plans[].relations[].cited.titleVi": "Its title.",
  "plans[].relations[].cited.year": "Its year, when the citation gives only a year (\"Luật Giáo dục năm 2019\").",
  "plans[].relations[].noteVi": "A note on the citation (\"cited twice with different numbers\", \"chưa ban hành\").",
  "plans[].solutionGroups": "Groups of tasks and solutions (\"Nhiệm vụ, giải pháp\").",
  "plans[].solutionGroups[].code": "Key of the group within the plan (\"1\", \"II.3\").",
  "plans[].solutionGroups[].summaryVi": "Summary of the group.",
  "plans[].fundingSources": "Funding sources (kept as they are when not mentioned).",
  "plans[].fundingSources[].descriptionVi": "The funding, in the document's words.",
  "plans[].agencyDuties": "Duties per agency (\"Tổ chức thực hiện\"); each names an agency or a collective.",
  "plans[].agencyDuties[].agency": "Code of the agency.",
  "plans[].agencyDuties[].collective": "Code of a collective assignee (instead of an agency).",
  "plans[].agencyDuties[].dutiesVi": "Its duties, in the document's words.",
  "plans[].reportingObligations": "Reporting duties of the plan.",
  "plans[].reportingObligations[].reporter": "Code of the reporting agency (a duty may name no reporter).",
  "plans[].reportingObligations[].reporterCollective": "Code of a reporting collective (instead of an agency).",
  "plans[].reportingObligations[].recipient": "Code of the agency reported to.",
  "plans[].reportingObligations[].recipients": "Several recipients, the first one first (instead of `recipient`).",
  "plans[].reportingObligations[].via": "Code of the agency the report goes through (\"báo cáo UBND tỉnh (qua Sở GD&ĐT)\").",
  "plans[].reportingObligations[].subjectVi": "What is reported.",
  "plans[].reportingObligations[].frequency": "How often.",
  "plans[].reportingObligations[].dueMonthDay": "Deadline in the year as `MM-DD` (may be absent, as for `onRequest`).",
  "plans[].reportingObligations[].dueYear": "Year of a one-off report.",
  "plans[].targets": "Targets (chỉ tiêu) of the plan; a target the file no longer lists is kept.",
  "plans[].targets[].code": "Stable key within the plan; the indicator code when omitted (with -2, -3 for repeats).",
  "plans[].targets[].indicator": "Indicator code (the catalog's or this file's).",
  "plans[].targets[].comparator": "gte \"đạt, ít nhất\" · gt \"trên\" · lte · lt \"dưới\" · eq · range \"35 – 40%\" · maintain \"duy trì\" · achieve (yes/no, a level, or a target by reference).",
  "plans[].targets[].targetYear": "Year the target is due.",
  "plans[].targets[].baseline": "The starting figure, and its year.",
  "plans[].targets[].baseline.value": "Starting figure.",
  "plans[].targets[].baseline.year": "Year of the starting figure.",
  "plans[].targets[].appliesEveryYear": "The bound holds every year, not only in the target year.",
  "plans[].targets[].isAspirational": "\"Phấn đấu\": an aspiration, not a commitment.",
  "plans[].targets[].areaFlag": "Only in localities with this flag (extremely difficult areas …).",
  "plans[].targets[].educationLevel": "One level of education the target is for (a breakdown: primary 74,4%).",
  "plans[].targets[].educationLevels": "Several levels one figure is for, pooled, never split (\"trên 70% trường mầm non, tiểu học đạt chuẩn\"); at least two.",
  "plans[].targets[].ageFrom": "Lower end of the age group.",
  "plans[].targets[].ageTo": "Upper end of the age group.",
  "plans[].targets[].conditionVi": "Condition in Vietnamese (\"ở vùng đồng bào dân tộc thiểu số\").",
  "plans[].targets[].conditionEn": "Condition in English.",
  "plans[].targets[].counting": "A target counted in units (\"4/10 xã đạt chuẩn phổ cập giáo dục THCS mức độ 3\").",
  "plans[].targets[].counting.entity": "What is counted (commune, district, province, school …).",
  "plans[].targets[].counting.criterionVi": "The criterion the counted units meet.",
  "plans[].targets[].counting.outOfVi": "Out of what, in words.",
  "plans[].targets[].counting.count": "The count the plan names (4 of \"4/10 xã\").",
  "plans[].targets[].counting.outOf": "Out of how many (10 of \"4/10 xã\").",
  "plans[].targets[].counting.groupRelation": "How this counted group relates to its parent target's: nested, separate, or not stated by the text.",
  "plans[].targets[].approximate": "\"Khoảng 30%\": achieved within ±tolerance of the value.",
  "plans[].targets[].tolerance": "Half-width of the band of an approximate target, in the indicator's unit (points for a rate); 2 when omitted.",
  "plans[].targets[].reference": "\"Hoàn thành các mục tiêu của Kế hoạch số …\": judged from that plan's targets when it is in the system, else entered as yes/no. Comparator `achieve`.",
  "plans[].targets[].reference.plan": "Code of the referenced plan, in the system.",
  "plans[].targets[].reference.citedVi": "The referenced document as cited, when it is not in the system.",
  "plans[].targets[].milestones": "Yearly milestones (the roadmap appendix).",
  "plans[].targets[].milestones[].isSynthetic": "Generated sample data (\"dữ liệu mẫu\"), not from a document.",
  "plans[].targets[].subTargets": "Targets stated inside this one (\"trong đó …\"), with the same fields as `plans[].targets[]`.",
  "plans[].tasks": "Tasks (nhiệm vụ) of the plan; a task the file no longer lists is kept.",
  "plans[].tasks[].code": "Stable key within the plan; a repeated row needs its own code (keep the document's number in `number`).",
  "plans[].tasks[].solutionGroup": "Code of its solution group in this plan.",
  "plans[].tasks[].timing": "When it is due, as the document states it (see the timing kinds below).",
  "plans[].tasks[].outputVi": "Its output (sản phẩm).",
  "plans[].tasks[].status": "Progress of the task.",
  "plans[].tasks[].lead": "Chủ trì: agency or collective codes; may be absent when the text names only coordinators; several possible. Not mentioned on an existing task: its leads are kept.",
  "plans[].tasks[].coordinating": "Phối hợp: agency or collective codes.",
  "plans[].tasks[].requested": "Đề nghị: bodies not subordinate to the issuer (the Fatherland Front), requested to take part.",
  "plans[].tasks[].number": "The row's number in the document (\"12\", \"V.3\"), kept as written.",
  "plans[].tasks[].duplicateOf": "Code of the first occurrence of the row, when the table lists it twice: both kept, this one flagged.",
  "plans[].tasks[].source": "Where the plan states the task: its body, its task table, or both.",
  "plans[].tasks[].sourceConflicts": "Values the body and the table state differently: both wordings, and which one the task holds (needs `source: both`).",
  "plans[].tasks[].sourceConflicts[].field": "Which value differs.",
  "plans[].tasks[].sourceConflicts[].keptFrom": "The source the task's own value was taken from.",
  "plans[].tasks[].sourceConflicts[].bodyVi": "What the body says.",
  "plans[].tasks[].sourceConflicts[].tableVi": "What the task table says.",
  "plans[].tasks[].sourceNoteVi": "Why the values were kept as they are.",
  "plans[].tasks[].timing.kind": "The kind of timing.",
  "plans[].tasks[].timing.from": "First year (optional).",
  "plans[].tasks[].timing.to": "Last year (optional).",
  "plans[].tasks[].timing.startYear": "First calendar year of the school year.",
  "plans[].tasks[].timing.quarter": "Quarter, 1 to 4.",
  "plans[].tasks[].timing.date": "Exact date.",
  "plans[].tasks[].timing.eventVi": "The event, in Vietnamese (\"Khi Luật được ban hành\").",
  "plans[].tasks[].timing.eventEn": "The event, in English.",
  "plans[].tasks[].timing.occurredOn": "The day the event happened, once it has.",
};

type Json = { [k: string]: unknown } & {
  type?: string | string[];
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Json[];
  oneOf?: Json[];
  $ref?: string;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
};

const meaningOf = (table: string, field: string): string => {
  const key = `${table}.${field}`.replace(/^\./, "");
  const m = SPECIFIC[key] ?? COMMON[field];
  if (m === undefined) throw new Error(`docs/province-file.md: no meaning for '${key}' — add one in packages/province-config/src/reference-doc.ts`);
  return m;
};

function typeOf(node: Json, defs: Record<string, Json>): string {
  if (node.$ref) return "a target (same fields as `plans[].targets[]`)";
  const alts = node.anyOf ?? node.oneOf;
  if (alts) return alts.map((a) => typeOf(a, defs)).join(" or ");
  if (node.enum) return node.enum.map((v) => `\`${String(v)}\``).join(", ");
  if (node.const !== undefined) return `\`${String(node.const)}\``;
  if (node.type === "array") return `list of ${node.items ? typeOf(node.items, defs) : "values"}`;
  if (node.type === "object") return "object (fields below)";
  if (node.type === "string") {
    if (node.format === "date") return "date (`YYYY-MM-DD`)";
    if (node.pattern?.startsWith("^[A-Za-z0-9]")) return "code";
    if (node.pattern?.includes("0[1-9]|1[0-2]")) return "month-day (`MM-DD`)";
    return "text";
  }
  if (node.type === "integer" || node.type === "number") {
    const max = node.maximum !== undefined && node.maximum < 1e12 ? node.maximum : undefined;
    const min = node.minimum ?? node.exclusiveMinimum;
    const range = min !== undefined && min > -1e12 && max !== undefined ? ` (${min}–${max})` : min !== undefined && min > -1e12 ? ` (from ${min}${node.exclusiveMinimum !== undefined ? ", exclusive" : ""})` : max !== undefined ? ` (up to ${max})` : "";
    return `${node.type === "integer" ? "whole number" : "number"}${range}`;
  }
  if (node.type === "boolean") return "`true` or `false`";
  return "value";
}

/** The reference, as Markdown. */
export function provinceFileReference(example: { name: string; text: string }[] = []): string {
  const schema = z.toJSONSchema(ProvinceConfigSchema, { io: "input", unrepresentable: "any" }) as Json;
  const defs = ((schema.$defs ?? schema.definitions ?? {}) as Record<string, Json>);
  const tables: string[] = [];
  const expanded = new Set<string>();
  const resolve = (node: Json | undefined): Json | undefined => {
    if (!node?.$ref) return node;
    const name = node.$ref.split("/").pop()!;
    if (expanded.has(name)) return undefined;
    expanded.add(name);
    return defs[name];
  };
  const table = (name: string, node: Json) => {
    const rows: string[] = [];
    const nested: [string, Json][] = [];
    for (const [field, child] of Object.entries(node.properties ?? {})) {
      const required = (node.required ?? []).includes(field) && child.default === undefined;
      rows.push(`| \`${field}\` | ${required ? "yes" : "no"} | ${typeOf(child, defs).replace(/\|/g, "\\|")} | ${meaningOf(name, field).replace(/\|/g, "\\|")} |`);
      const childPath = name ? `${name}.${field}` : field;
      const inner = resolve(child.type === "array" ? child.items : child);
      if (inner && !inner.$ref && inner.type === "object" && inner.properties) nested.push([child.type === "array" ? `${childPath}[]` : childPath, inner]);
      if (inner && (inner.anyOf ?? inner.oneOf) && field === "timing") nested.push([childPath, inner]);
    }
    tables.push(`### \`${name || "(top level)"}\`\n\n| Field | Required | Allowed values | Meaning |\n|---|---|---|---|\n${rows.join("\n")}\n`);
    for (const [path, inner] of nested) {
      const alts = inner.anyOf ?? inner.oneOf;
      if (alts) {
        tables.push(`### \`${path}\` — one of these kinds\n`);
        for (const alt of alts) {
          const kind = (alt.properties?.kind?.const ?? alt.properties?.kind?.enum?.[0]) as string;
          const rows2 = Object.entries(alt.properties ?? {}).map(([f, c]) => `| \`${f}\` | ${(alt.required ?? []).includes(f) && c.default === undefined ? "yes" : "no"} | ${typeOf(c, defs)} | ${meaningOf(path, f)} |`);
          tables.push(`#### kind \`${kind}\`\n\n| Field | Required | Allowed values | Meaning |\n|---|---|---|---|\n${rows2.join("\n")}\n`);
        }
      } else table(path, inner);
    }
  };
  table("", schema);
  const examples = example.map((e) => `### ${e.name}\n\n\`\`\`yaml\n${e.text.trimEnd()}\n\`\`\`\n`).join("\n");
  return `<!-- Generated from packages/province-config/src/schema.ts by packages/province-config/src/reference-doc.ts: do not edit by hand.
     Regenerate: npx -y pnpm@10.34.8 --filter @eduplan/province-config docs:province-file (a test fails when this file is stale). -->
# The province file

One YAML (or JSON) file configures a province: its localities, agencies, collective assignees, users, plugins, extra
indicators and plans with their targets, milestones, tasks and duties. Everything refers to everything else by code.
Apply it with \`npx -y pnpm@10.34.8 eduplan province init <file>\`; \`--dry-run\` runs every check and every write of a
real run and rolls them back, on a copy of the database (no database file is ever created or changed).

- **Applying twice changes nothing** the second time: records are matched by their codes.
- **Partial updates never reset what the file does not mention.** A field, a task's role (\`lead\`, \`coordinating\`,
  \`requested\`) or a plan's list (\`relations\`, \`fundingSources\`, \`agencyDuties\`, \`reportingObligations\`) that the
  file leaves out keeps its stored value; mention it (even empty) to change it. So adding a second, older plan to an
  existing province is a file with a minimal \`province:\` section (\`code\`, \`nameVi\`) and the new plan: the
  province's official code, English name, area flags and reporting deadline stay as they are.
- **All errors at once**: a file with three mistakes lists three errors, each with its line, its path in the file
  (\`plans.0.tasks.3.lead.0\`) and, for an unknown code, the nearest known code or the list of valid values. Nothing is
  written while any error remains.

## Fields

${tables.join("\n")}
## Examples

${examples}`;
}
