import { Box, Typography } from "@mui/material";
import { Labeled, ReferenceField, SimpleShowLayout, TextField, useRecordContext, useTranslate } from "react-admin";
import { EnumField } from "../common/fields";
import { AppShow } from "../common/pages";
import { formatDate } from "../format";
import { useUiLocale } from "../common/locale";

/** The date of the cited document: "15/07/2025", or "năm 2019" when the text gives a year only. */
export function CitedDateField(_props: { source?: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const { locale } = useUiLocale();
  if (!record) return null;
  const text = record.citedIssuedOn
    ? formatDate(record.citedIssuedOn as string, locale)
    : record.citedYear
      ? translate("eduplan.documentRelations.yearOnly", { year: String(record.citedYear) })
      : "—";
  return <Typography variant="body2" component="span">{text}</Typography>;
}

export function DocumentRelationShow() {
  return (
    <AppShow>
      <SimpleShowLayout>
        <Box sx={{ display: "grid", gridTemplateColumns: { md: "repeat(3, 1fr)" }, gap: 2, width: "100%" }}>
          <Labeled source="fromPlanId"><ReferenceField source="fromPlanId" reference="plans" link="show" /></Labeled>
          <Labeled source="kind"><EnumField source="kind" enumName="relationKind" /></Labeled>
          <Labeled source="toPlanId"><ReferenceField source="toPlanId" reference="plans" link="show" emptyText="—" /></Labeled>
          <Labeled source="citedKind"><EnumField source="citedKind" enumName="documentKind" /></Labeled>
          <Labeled source="citedNumber"><TextField source="citedNumber" emptyText="—" /></Labeled>
          <Labeled source="citedNumberNormalised"><TextField source="citedNumberNormalised" emptyText="—" /></Labeled>
          <Labeled source="citedIssuedOn"><CitedDateField /></Labeled>
          <Labeled source="citedIssuerVi"><TextField source="citedIssuerVi" emptyText="—" /></Labeled>
          <Box />
          <Labeled source="citedTitleVi" sx={{ gridColumn: "1 / -1" }}><TextField source="citedTitleVi" emptyText="—" /></Labeled>
          <Labeled source="noteVi" sx={{ gridColumn: "1 / -1" }}><TextField source="noteVi" emptyText="—" sx={{ whiteSpace: "pre-wrap" }} /></Labeled>
        </Box>
      </SimpleShowLayout>
    </AppShow>
  );
}

export default DocumentRelationShow;
