import { z } from "zod";
import { CodeSchema, IdSchema, recordFields, YearSchema } from "./primitives.js";

/** One record of a plugin's form. `data` is validated by the form's own zod schema (the plugin's, not core's). */
const pluginRecordFields = {
  pluginId: CodeSchema,
  formId: CodeSchema,
  localityId: IdSchema,
  year: YearSchema,
  data: z.record(z.string(), z.unknown()),
};
export const PluginRecordInputSchema = z.object(pluginRecordFields);
export type PluginRecordInput = z.input<typeof PluginRecordInputSchema>;
export const PluginRecordSchema = z.object({ ...recordFields, ...pluginRecordFields });
export type PluginRecord = z.infer<typeof PluginRecordSchema>;
