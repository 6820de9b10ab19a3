import { z } from "zod";
import { bi } from "./errors.js";

/** Database identity of a record. Integer keys keep joins and indexes small at national scale. */
export const IdSchema = z.number().int().positive();
export type Id = z.infer<typeof IdSchema>;

/** A stable, human-readable key (`lang-son`, `ecec.nursery.enrolment_rate`) used by config files and imports. */
export const CodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, { message: bi("code: letters, digits and . _ : / - only", "Mã chỉ gồm chữ cái không dấu, số và . _ : / -") });

export const IsoDateSchema = z.iso.date();
export const YearSchema = z.number().int().min(1945).max(2100);
/** Optimistic-concurrency counter: every update must carry the version it was based on. */
export const VersionSchema = z.number().int().min(1);

export const NameViSchema = z.string().trim().min(1).max(500);
export const NameEnSchema = z.string().trim().min(1).max(500).nullable();
export const TextSchema = z.string().trim().max(20_000);

/** Fields every stored entity carries. */
export const recordFields = {
  id: IdSchema,
  version: VersionSchema,
};

/** Month and day (`12-10` is 10 December), for yearly deadlines. */
export const MonthDaySchema = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, {
  message: bi("month-day: MM-DD, e.g. 12-10 for 10 December", "Ngày trong năm dạng MM-DD, ví dụ 12-10 là ngày 10 tháng 12"),
});

export type RecordFields = { id: Id; version: number };
