import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, GoldTargetsSchema, GoldTasksSchema } from "./evaluate.js";
import { textToDocx } from "./fixtures.js";
import { importPlan } from "./import.js";
import { formatEvaluation } from "./summary.js";
import { TEST_DATA } from "./test-helpers.js";

// A document written after the dictionaries, with six paraphrases they do not know. Precision must hold (a wrong
// finding costs the officer more than a missing one); recall shows what an unseen document loses.
const gold = JSON.parse(readFileSync(`${TEST_DATA}held-out.gold.json`, "utf8")) as unknown;
const text = readFileSync(`${TEST_DATA}held-out-tan-lap-commune-plan.txt`, "utf8");

describe("held-out document (not used to write the dictionaries)", () => {
  for (const [format, file] of [
    ["txt", async () => Buffer.from(text)],
    ["docx", () => textToDocx(text)],
  ] as const) {
    it(`${format}: precision ≥ 90%, recall ≥ 80%; the unknown phrasings come out as low-confidence guesses`, async () => {
      const draft = await importPlan(await file(), `held-out-tan-lap-commune-plan.${format}`);
      const e = evaluate(draft, { targets: GoldTargetsSchema.parse(gold), tasks: GoldTasksSchema.parse(gold) });
      console.log(`held-out ${format}\n${formatEvaluation(e, true)}`);
      expect(e.targets!.precision, formatEvaluation(e, true)).toBeGreaterThanOrEqual(0.9);
      expect(e.targets!.recall, formatEvaluation(e, true)).toBeGreaterThanOrEqual(0.8);
      expect(e.tasks!.recall).toBeGreaterThanOrEqual(0.8);
      const guessed = draft.targets.find((t) => t.source.sentence.startsWith("Tỷ lệ học sinh hoàn thành chương trình tiểu học"))!;
      expect(guessed.indicator!.code).toBe("primary.completion_rate");
      expect(guessed.confidence).toBeLessThan(0.7);
      expect(guessed.runnerUp).not.toBeNull();
    });
  }
});
