import { Box } from "@mui/material";
import { AutocompleteInput, NumberInput, ReferenceInput, required, SelectInput, SimpleForm, TextInput } from "react-admin";
import { VnDateInput as DateInput } from "../common/dateInput";
import { AppCreate, AppEdit, EditForm } from "../common/pages";
import { CHOICES } from "../enums";

const grid = { display: "grid", gridTemplateColumns: { md: "1fr 1fr 1fr" }, columnGap: 2, width: "100%" } as const;

/**
 * A document a plan cites or implements: one in the system, or one only cited — its number kept as written, a full
 * date or a year only ("Luật Giáo dục năm 2019"), and a note ("chưa ban hành", two citations whose numbers differ).
 */
function RelationFields() {
  return (
    <Box sx={grid}>
      <ReferenceInput source="fromPlanId" reference="plans">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <SelectInput source="kind" choices={CHOICES.relationKind} validate={required()} />
      <ReferenceInput source="toPlanId" reference="plans">
        <AutocompleteInput />
      </ReferenceInput>
      <SelectInput source="citedKind" choices={CHOICES.documentKind} emptyText="—" />
      <TextInput source="citedNumber" helperText="eduplan.documentRelations.numberHint" />
      <TextInput source="citedIssuerVi" />
      <DateInput source="citedIssuedOn" />
      <NumberInput source="citedYear" step={1} helperText="eduplan.documentRelations.yearHint" />
      <Box />
      <TextInput source="citedTitleVi" multiline sx={{ gridColumn: "1 / -1" }} />
      <TextInput source="noteVi" multiline sx={{ gridColumn: "1 / -1" }} />
    </Box>
  );
}

const back = (_resource?: string, id?: unknown) => (id ? `documentRelations/${String(id)}/show` : "documentRelations");

export const DocumentRelationEdit = () => (
  <AppEdit redirect={back}>
    <EditForm>
      <RelationFields />
    </EditForm>
  </AppEdit>
);

export const DocumentRelationCreate = () => (
  <AppCreate redirect={back}>
    <SimpleForm defaultValues={{ kind: "cites" }}>
      <RelationFields />
    </SimpleForm>
  </AppCreate>
);
