import { Box, Breadcrumbs, Chip, Link as MuiLink, Stack, Typography } from "@mui/material";
import { Link } from "react-router-dom";
import {
  DataTable,
  Labeled,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  SimpleShowLayout,
  TextField,
  useGetOne,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { AppShow } from "../common/pages";
import { EmptyState } from "../common/EmptyState";
import { EnumField, LevelField, LocalDateField, LocalNameField, LocalNumberField, YearField } from "../common/fields";
import { localName, useUiLocale } from "../common/locale";
import { CHOICES } from "../enums";
import { Successions } from "../common/Successions";

/** The chain of localities above this one (province › commune › school), each a link. */
function Ancestors({ id, depth = 0 }: { id: number | null | undefined; depth?: number }) {
  const { data } = useGetOne("localities", { id: id as number }, { enabled: typeof id === "number" && depth < 8 });
  const { locale } = useUiLocale();
  if (!data) return null;
  return (
    <>
      <Ancestors id={data.parentId as number | null} depth={depth + 1} />
      <MuiLink component={Link} to={`/localities/${data.id}/show`} underline="hover" color="inherit">
        {localName(data, locale)}
      </MuiLink>
    </>
  );
}

function Path() {
  const record = useRecordContext();
  const { locale } = useUiLocale();
  if (!record) return null;
  return (
    <Breadcrumbs sx={{ mb: 1 }}>
      {record.parentId ? <Ancestors id={record.parentId as number} /> : null}
      <Typography color="text.primary">{localName(record, locale)}</Typography>
    </Breadcrumbs>
  );
}

function Flags() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const on = CHOICES.areaFlag.filter((c) => record[c.id] === true);
  return on.length ? (
    <Stack direction="row" spacing={1}>
      {on.map((c) => (
        <Chip key={c.id} size="small" label={translate(c.name)} />
      ))}
    </Stack>
  ) : (
    <Typography variant="body2">—</Typography>
  );
}

/** A locality, the chain above it, and what is below it: localities, agencies, plans. */
export function LocalityShow() {
  const translate = useTranslate();
  return (
    <AppShow>
      <SimpleShowLayout>
        <Path />
        <Box sx={{ display: "grid", gridTemplateColumns: { md: "repeat(3, 1fr)" }, gap: 2, width: "100%" }}>
          <Labeled source="nameVi"><TextField source="nameVi" /></Labeled>
          <Labeled source="nameEn"><TextField source="nameEn" emptyText="—" /></Labeled>
          <Labeled source="levelCode"><LevelField source="levelCode" resource="localityLevels" /></Labeled>
          <Labeled source="code"><TextField source="code" /></Labeled>
          <Labeled source="officialCode"><TextField source="officialCode" emptyText="—" /></Labeled>
          <Labeled source="population"><LocalNumberField source="population" /></Labeled>
          <Labeled source="validFrom"><LocalDateField source="validFrom" /></Labeled>
          <Labeled source="validTo"><LocalDateField source="validTo" /></Labeled>
          <Labeled source="successorId"><ReferenceField source="successorId" reference="localities" link="show" emptyText="—" /></Labeled>
        </Box>
        <Labeled label="resources.localities.fields.flags"><Flags /></Labeled>
        {/* The localities merged into this one (1/7/2025) and the one it was merged into: their plans stay readable. */}
        <Successions of="locality" />
        <Labeled label="resources.localities.fields.children" fullWidth>
          <ReferenceManyField reference="localities" target="parentId" sort={{ field: "nameVi", order: "ASC" }} perPage={50} pagination={<Pagination />} empty={<Typography variant="body2" color="text.secondary">{translate("eduplan.localities.noChildren")}</Typography>}>
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="nameVi" field={LocalNameField} />
              <DataTable.Col source="levelCode" render={() => <LevelField source="levelCode" resource="localityLevels" />} />
              <DataTable.Col source="code" />
            </DataTable>
          </ReferenceManyField>
        </Labeled>
        <Labeled label="resources.localities.fields.agencies" fullWidth>
          <ReferenceManyField reference="agencies" target="localityId" sort={{ field: "nameVi", order: "ASC" }} perPage={25} pagination={<Pagination />} empty={<EmptyState />}>
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="nameVi" field={LocalNameField} />
              <DataTable.Col source="kind" render={() => <EnumField source="kind" enumName="agencyKind" />} />
            </DataTable>
          </ReferenceManyField>
        </Labeled>
        <Labeled label="resources.localities.fields.plans" fullWidth>
          <ReferenceManyField reference="plans" target="localityId" sort={{ field: "issuedOn", order: "DESC" }} empty={<EmptyState />}>
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="number" />
              <DataTable.Col source="titleVi" field={LocalNameField} />
              <DataTable.Col source="issuedOn" render={() => <LocalDateField source="issuedOn" />} />
              <DataTable.Col source="periodEnd" render={() => <YearField source="periodEnd" />} />
            </DataTable>
          </ReferenceManyField>
        </Labeled>
      </SimpleShowLayout>
    </AppShow>
  );
}

export default LocalityShow;
