/**
 * Plugin forms as react-admin resources: `pluginForms.<pluginId>.<formId>` is the API's `pluginRecords` resource
 * restricted to that form (lists filtered by plugin and form, creates stamped with them). The form's fields live in
 * the record's `data` object (inputs have sources `data.<field>`).
 */
import type { DataProvider } from "react-admin";
import { formResourceName } from "@eduplan/plugin-sdk/admin";

export const FORM_RESOURCE_PREFIX = "pluginForms.";

/** `pluginForms.geopark-education.fieldTrip` → `{ pluginId: "geopark-education", formId: "fieldTrip" }`. */
export function parseFormResource(resource: string): { pluginId: string; formId: string } | null {
  if (!resource.startsWith(FORM_RESOURCE_PREFIX)) return null;
  const [, pluginId, formId] = resource.split(".");
  return pluginId && formId && formResourceName(pluginId, formId) === resource ? { pluginId, formId } : null;
}

export function withPluginForms(base: DataProvider): DataProvider {
  const records = "pluginRecords";
  return {
    ...base,
    getList(resource, params) {
      const form = parseFormResource(resource);
      return form ? base.getList(records, { ...params, filter: { ...(params.filter ?? {}), ...form } }) : base.getList(resource, params);
    },
    getManyReference(resource, params) {
      const form = parseFormResource(resource);
      return form ? base.getManyReference(records, { ...params, filter: { ...(params.filter ?? {}), ...form } }) : base.getManyReference(resource, params);
    },
    getOne: (resource, params) => base.getOne(parseFormResource(resource) ? records : resource, params),
    getMany: (resource, params) => base.getMany(parseFormResource(resource) ? records : resource, params),
    update: (resource, params) => base.update(parseFormResource(resource) ? records : resource, params),
    updateMany: (resource, params) => base.updateMany(parseFormResource(resource) ? records : resource, params),
    delete: (resource, params) => base.delete(parseFormResource(resource) ? records : resource, params),
    deleteMany: (resource, params) => base.deleteMany(parseFormResource(resource) ? records : resource, params),
    create(resource, params) {
      const form = parseFormResource(resource);
      return form ? base.create(records, { ...params, data: { ...params.data, ...form } }) : base.create(resource, params);
    },
  };
}
