import { Box, Typography } from "@mui/material";
import {
  AutocompleteInput,
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextInput,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { EmptyState } from "../common/EmptyState";
import { LocalDateTimeField } from "../common/fields";
import { changedFields, JsonBlock } from "./json";
import { excelExporter } from "../reports/exporter";

const ENTITIES = [
  "localities",
  "agencies",
  "indicators",
  "plans",
  "documentRelations",
  "solutionGroups",
  "fundingSources",
  "agencyDuties",
  "reportingObligations",
  "targets",
  "milestones",
  "tasks",
  "indicatorValues",
  "users",
  "reports",
  "annualReportSignatures",
];
const ACTIONS = ["create", "update", "delete", "login", "logout", "submit", "approve", "return"];

function EntityFilter(props: { source: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  return (
    <SelectInput
      {...props}
      choices={ENTITIES.map((id) => ({ id, name: translate(`resources.${id}.name`, { smart_count: 2, _: id }) }))}
      translateChoice={false}
      sx={{ minWidth: 200 }}
    />
  );
}

const filters = [
  <EntityFilter key="entity" source="entity" alwaysOn />,
  <TextInput key="entityId" source="entityId" parse={(v: string) => (v === "" ? undefined : Number(v))} />,
  <ReferenceInput key="userId" source="userId" reference="users" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <TextInput key="username" source="username" />,
  <SelectInput key="action" source="action" choices={ACTIONS.map((id) => ({ id, name: `eduplan.enum.auditAction.${id}` }))} />,
];

function EntityName({ entity }: { entity: string }) {
  const translate = useTranslate();
  const other = translate(`eduplan.auditLog.entities.${entity}`, { _: translate("eduplan.auditLog.otherEntity") });
  return <span>{translate(`resources.${entity}.name`, { smart_count: 1, _: other })}</span>;
}

/** Columns every record has: never news in a change. */
const RECORD_FIELDS = new Set(["id", "version", "createdAt", "updatedAt", "searchText", "sortKey"]);

/** The changed fields of an entry, with their old and new values, under its row. */
function Changes() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const fields = changedFields(record.before, record.after);
  return (
    <Box sx={{ display: "grid", gridTemplateColumns: { md: "1fr 1fr" }, gap: 2, p: 1 }}>
      <Box>
        <Typography variant="caption">{translate("resources.auditLog.fields.before")}</Typography>
        <JsonBlock value={record.before} highlight={fields} />
      </Box>
      <Box>
        <Typography variant="caption">{translate("resources.auditLog.fields.after")}</Typography>
        <JsonBlock value={record.after} highlight={fields} />
      </Box>
    </Box>
  );
}

/** The fields a change touched, by their labels (a created or deleted record: the whole record). */
function ChangedFieldNames() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  if ((record.before == null) !== (record.after == null) && (record.action === "create" || record.action === "delete"))
    return <Typography variant="body2">{translate("eduplan.auditLog.wholeRecord")}</Typography>;
  const fields = changedFields(record.before, record.after).filter((f) => !RECORD_FIELDS.has(f));
  const labels: string[] = [];
  let others = 0;
  for (const f of fields) {
    const label = translate(`resources.${String(record.entity)}.fields.${f}`, { _: "" });
    if (label) labels.push(label);
    else others++;
  }
  if (others) labels.push(translate("eduplan.auditLog.otherFields", { smart_count: others }));
  return <Typography variant="body2" sx={{ maxWidth: 360 }}>{labels.length ? labels.join(", ") : "—"}</Typography>;
}

/** Who changed what, when (administrators only): filter by kind of record, record, user, action. */
export function AuditLogList() {
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: "id", order: "DESC" }} perPage={25} empty={<EmptyState />} exporter={excelExporter}>
      <DataTable expand={<Changes />} bulkActionButtons={false} rowClick="expand">
        <DataTable.Col source="at" render={() => <LocalDateTimeField source="at" />} />
        <DataTable.Col source="username" render={(r) => (r.username === "(system)" || r.username === "system" || !r.username ? translate("eduplan.auditLog.system") : String(r.username))} />
        <DataTable.Col source="action" render={(r) => translate(`eduplan.enum.auditAction.${String(r.action)}`, { _: String(r.action) })} />
        <DataTable.Col source="entity" render={(r) => <EntityName entity={String(r.entity)} />} />
        <DataTable.Col source="entityId" />
        <DataTable.Col source="localityId">
          <ReferenceField source="localityId" reference="localities" link="show" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col label="eduplan.auditLog.diff" disableSort render={() => <ChangedFieldNames />} />
      </DataTable>
    </List>
  );
}

export default AuditLogList;
