import { Box, Typography } from "@mui/material";
import { Labeled, ReferenceArrayField, ReferenceField, SimpleShowLayout, SingleFieldList, ChipField, TextField, useRecordContext, useTranslate } from "react-admin";
import { EnumField } from "../common/fields";
import { AppShow } from "../common/pages";
import { monthDayToDayFirst, useCollectiveName } from "./collectives";

/** The collective that reports, by its name. */
export function CollectiveNameField(_props: { source?: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const name = useCollectiveName(record?.reporterCollectiveCode);
  return <Typography variant="body2" component="span">{record?.reporterCollectiveCode ? (name ?? "…") : "—"}</Typography>;
}

/** "Trước ngày 10/12 hằng năm", "10/12/2027", or "Không nêu hạn". */
export function DueField(_props: { source?: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const day = record.dueMonthDay ? monthDayToDayFirst(record.dueMonthDay) : null;
  const text = day
    ? record.dueYear
      ? `${day}/${String(record.dueYear)}`
      : translate("eduplan.reportingObligations.everyYearBy", { day })
    : record.dueYear
      ? translate("eduplan.reportingObligations.inYear", { year: String(record.dueYear) })
      : translate("eduplan.reportingObligations.noDeadline");
  return <Typography variant="body2" component="span">{text}</Typography>;
}

export function ReportingObligationShow() {
  return (
    <AppShow>
      <SimpleShowLayout>
        <Box sx={{ display: "grid", gridTemplateColumns: { md: "repeat(3, 1fr)" }, gap: 2, width: "100%" }}>
          <Labeled source="planId"><ReferenceField source="planId" reference="plans" link="show" /></Labeled>
          <Labeled source="frequency"><EnumField source="frequency" enumName="reportFrequency" /></Labeled>
          <Labeled source="dueMonthDay"><DueField /></Labeled>
          <Labeled source="subjectVi" sx={{ gridColumn: "1 / -1" }}><TextField source="subjectVi" sx={{ whiteSpace: "pre-wrap" }} /></Labeled>
          <Labeled source="reporterAgencyId"><ReferenceField source="reporterAgencyId" reference="agencies" link="show" emptyText="—" /></Labeled>
          <Labeled source="reporterCollectiveCode"><CollectiveNameField /></Labeled>
          <Box />
          <Labeled source="recipientAgencyId"><ReferenceField source="recipientAgencyId" reference="agencies" link="show" emptyText="—" /></Labeled>
          <Labeled source="furtherRecipientAgencyIds">
            <ReferenceArrayField source="furtherRecipientAgencyIds" reference="agencies" emptyText="—">
              <SingleFieldList linkType="show"><ChipField source="nameVi" size="small" /></SingleFieldList>
            </ReferenceArrayField>
          </Labeled>
          <Labeled source="viaAgencyId"><ReferenceField source="viaAgencyId" reference="agencies" link="show" emptyText="—" /></Labeled>
        </Box>
      </SimpleShowLayout>
    </AppShow>
  );
}

export default ReportingObligationShow;
