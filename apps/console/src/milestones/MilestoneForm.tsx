import { Box } from "@mui/material";
import { AutocompleteInput, BooleanInput, NumberInput, ReferenceInput, required, SimpleForm, TextInput } from "react-admin";
import { DecimalInput } from "../common/inputs";
import { AppCreate, AppEdit, EditForm } from "../common/pages";

function MilestoneFields() {
  return (
    <Box sx={{ display: "grid", gridTemplateColumns: { md: "1fr 1fr" }, columnGap: 2, width: "100%" }}>
      <ReferenceInput source="targetId" reference="targets">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <NumberInput source="year" step={1} validate={required()} />
      <DecimalInput source="value" validate={required()} />
      <DecimalInput source="valueMax" />
      <BooleanInput source="isSynthetic" />
      <TextInput source="noteVi" multiline sx={{ gridColumn: "1 / -1" }} />
    </Box>
  );
}

const backToTarget = (_resource?: string, _id?: unknown, data?: Record<string, unknown>) =>
  data?.targetId ? `targets/${String(data.targetId)}` : "milestones";

export const MilestoneEdit = () => (
  <AppEdit redirect={backToTarget}>
    <EditForm>
      <MilestoneFields />
    </EditForm>
  </AppEdit>
);

export const MilestoneCreate = () => (
  <AppCreate redirect={backToTarget}>
    <SimpleForm defaultValues={{ isSynthetic: false, year: new Date().getFullYear() }}>
      <MilestoneFields />
    </SimpleForm>
  </AppCreate>
);
