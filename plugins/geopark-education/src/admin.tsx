/**
 * Console entry of the geopark-education plugin: its forms (rendered by the console's generic renderer), the list of
 * sites (served by its procedures `plugins.geopark-education.sites`), and a dashboard widget.
 */
import { Datagrid, List, SelectField, TextField, TextInput, useGetList, useTranslate } from "react-admin";
import { defineAdminPlugin, type WidgetProps } from "@eduplan/plugin-sdk/admin";
import { formResourceName } from "@eduplan/plugin-sdk";
import { forms } from "./forms.js";

const SITE_KIND_CHOICES = [
  { id: "rankedRelic", name: "plugins.geopark-education.kinds.rankedRelic" },
  { id: "museum", name: "plugins.geopark-education.kinds.museum" },
  { id: "library", name: "plugins.geopark-education.kinds.library" },
  { id: "geoparkSite", name: "plugins.geopark-education.kinds.geoparkSite" },
];

function SiteList() {
  return (
    <List filters={[<TextInput key="q" source="q" label="ra.action.search" alwaysOn />]} sort={{ field: "nameVi", order: "ASC" }}>
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <TextField source="nameVi" label="plugins.geopark-education.fields.nameVi" />
        <SelectField source="kind" choices={SITE_KIND_CHOICES} label="plugins.geopark-education.fields.kind" />
        <TextField source="communeVi" label="plugins.geopark-education.fields.communeVi" emptyText="—" />
        <TextField source="noteVi" label="plugins.geopark-education.fields.noteVi" emptyText="" />
      </Datagrid>
    </List>
  );
}

/** Field trips recorded in the user's area (all years). */
function FieldTripsWidget(_props: WidgetProps) {
  const translate = useTranslate();
  const { total, isPending } = useGetList(formResourceName("geopark-education", "fieldTrip"), { pagination: { page: 1, perPage: 1 } });
  return (
    <div data-testid="geopark-field-trips-widget">
      {translate("plugins.geopark-education.widget.trips", { smart_count: isPending ? 0 : (total ?? 0) })}
    </div>
  );
}

export default defineAdminPlugin({
  id: "geopark-education",
  name: { vi: "Giáo dục di sản và Công viên địa chất", en: "Heritage and geopark education" },
  forms,
  resources: [{ name: "plugins.geopark-education.sites", label: { vi: "Điểm tham quan", en: "Sites" }, list: SiteList, recordRepresentation: "nameVi" }],
  widgets: [{ id: "field-trips", slot: "dashboard.main", title: { vi: "Tham quan, học tập tại di tích", en: "Field trips" }, component: FieldTripsWidget }],
  messages: {
    vi: {
      kinds: { rankedRelic: "Di tích đã xếp hạng", museum: "Bảo tàng", library: "Thư viện", geoparkSite: "Điểm công viên địa chất" },
      fields: { nameVi: "Tên", kind: "Loại", communeVi: "Xã, phường", noteVi: "Ghi chú" },
      widget: { trips: "%{smart_count} chuyến tham quan đã ghi nhận" },
    },
    en: {
      kinds: { rankedRelic: "Ranked relic", museum: "Museum", library: "Library", geoparkSite: "Geopark site" },
      fields: { nameVi: "Name", kind: "Kind", communeVi: "Commune", noteVi: "Note" },
      widget: { trips: "%{smart_count} field trip recorded |||| %{smart_count} field trips recorded" },
    },
  },
});
