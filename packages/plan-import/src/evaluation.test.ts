import { describe, expect, it } from "vitest";
import { evaluate, type Evaluation } from "./evaluate.js";
import { textToDocx, textToPdf } from "./fixtures.js";
import { importPlan } from "./import.js";
import { formatEvaluation } from "./summary.js";
import { goldTargets, goldTasks, SAMPLES, sampleText } from "./test-helpers.js";

// The acceptance bar of issue #16: on each sample document, as text, DOCX and PDF.
const MIN_TARGET_PRECISION = 0.9;
const MIN_TARGET_RECALL = 0.9;
const MIN_TASK_RECALL = 0.9;

const targets = goldTargets();
const tasks = goldTasks();

const FORMATS = ["txt", "docx", "pdf", "pdf-dense"] as const;
async function asFile(format: (typeof FORMATS)[number], text: string): Promise<Buffer> {
  if (format === "txt") return Buffer.from(text, "utf8");
  if (format === "docx") return textToDocx(text);
  // "pdf-dense": justified, no space between paragraphs — only line ends and numbering separate paragraphs.
  return textToPdf(text, { header: "Kế hoạch thực hiện Chiến lược phát triển giáo dục", pageNumbers: true, dense: format === "pdf-dense" });
}

describe("evaluation on the three sample documents", () => {
  const results: { doc: string; format: string; e: Evaluation }[] = [];
  for (const sample of SAMPLES) {
    for (const format of FORMATS) {
      it(`${sample.file}.${format}: targets P/R ≥ 90%, task rows R ≥ 90%`, async () => {
        const draft = await importPlan(await asFile(format, sampleText(sample.file)), `${sample.file}.${format.replace("-dense", "")}`);
        expect(draft.format).toBe(format === "txt" ? "text" : format.replace("-dense", ""));
        const e = evaluate(draft, { targets, tasks });
        results.push({ doc: sample.id, format, e });
        expect(e.source).toBe(sample.id);
        expect(e.targets!.gold).toBeGreaterThan(40);
        expect(e.targets!.precision, formatEvaluation(e, true)).toBeGreaterThanOrEqual(MIN_TARGET_PRECISION);
        expect(e.targets!.recall, formatEvaluation(e, true)).toBeGreaterThanOrEqual(MIN_TARGET_RECALL);
        expect(e.tasks!.recall, formatEvaluation(e, true)).toBeGreaterThanOrEqual(MIN_TASK_RECALL);
      });
    }
  }
  it("prints the figures (docs/benchmarks.md, section “Plan import accuracy”)", () => {
    expect(results.length).toBe(SAMPLES.length * FORMATS.length);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const rows = results.map(({ doc, format, e }) => `| ${doc} | ${format} | ${pct(e.targets!.precision)} | ${pct(e.targets!.recall)} | ${e.targets!.correct}/${e.targets!.gold} | ${pct(e.tasks!.precision)} | ${pct(e.tasks!.recall)} | ${e.tasks!.allFieldsRight}/${e.tasks!.gold} | ${pct(e.agencies!.precision)} | ${pct(e.agencies!.recall)} |`);
    console.log(["| document | format | target P | target R | all right | task P | task R | task rows all fields right | agency P | agency R |", "|---|---|---|---|---|---|---|---|---|---|", ...rows].join("\n"));
  });
});

describe("a DOCX with Word's automatic numbering (the section numbers are not in the text)", () => {
  for (const sample of SAMPLES.slice(0, 2)) {
    it(`${sample.file}: the numbers are written back, so sections, targets and task rows survive`, async () => {
      const draft = await importPlan(await textToDocx(sampleText(sample.file), { autoNumber: true }), `${sample.file}.docx`);
      const e = evaluate(draft, { targets, tasks });
      expect(e.targets!.precision, formatEvaluation(e, true)).toBeGreaterThanOrEqual(MIN_TARGET_PRECISION);
      expect(e.targets!.recall, formatEvaluation(e, true)).toBeGreaterThanOrEqual(MIN_TARGET_RECALL);
      expect(e.tasks!.recall, formatEvaluation(e, true)).toBeGreaterThanOrEqual(MIN_TASK_RECALL);
      expect(draft.tasks.every((t) => t.source.section?.startsWith("V."))).toBe(true);
    });
  }
});

describe("the evaluation itself", () => {
  it("counts a wrong value, a wrong year and a missing target against the draft", async () => {
    const sample = SAMPLES[1];
    const draft = await importPlan(Buffer.from(sampleText(sample.file)), `${sample.file}.txt`);
    const nursery = draft.targets.findIndex((t) => t.indicator?.code === "ecec.nursery.enrolment_rate");
    const tampered = structuredClone(draft);
    tampered.targets[nursery]!.value = 36;
    tampered.targets[nursery + 1]!.targetYear = 2031;
    tampered.targets.pop();
    tampered.tasks[0]!.leads = [];
    const e = evaluate(tampered, { targets, tasks });
    const base = evaluate(draft, { targets, tasks });
    expect(e.targets!.correct).toBe(base.targets!.correct - 3);
    expect(e.targets!.fields.value.hit).toBeLessThan(e.targets!.fields.value.of);
    expect(e.targets!.fields.year.hit).toBeLessThan(e.targets!.fields.year.of);
    expect(e.tasks!.fields.leads.hit).toBe(base.tasks!.fields.leads.hit - 1);
    expect(e.agencies!.recall).toBeLessThanOrEqual(base.agencies!.recall);
  });
});
