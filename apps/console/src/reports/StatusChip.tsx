import { Chip, Stack } from "@mui/material";
import AlarmIcon from "@mui/icons-material/Alarm";
import { useRecordContext, useTranslate } from "react-admin";
import { isReportLate, type ReportStatus } from "@eduplan/domain";
import { STATUS_COLORS } from "./grid";
import { usePeriods } from "./periods";

/** A report's status (or "not reported") as a coloured chip. */
export function StatusChip({ status }: { status: string }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={STATUS_COLORS[status] ?? "default"}
      variant={status === "draft" ? "outlined" : "filled"}
      label={translate(`eduplan.reporting.status.${status}`, { _: status })}
      data-testid="report-status"
      data-status={status}
    />
  );
}

/** "Late": submitted after the deadline, or not submitted and the deadline has passed. */
export function LateChip() {
  const translate = useTranslate();
  return <Chip size="small" color="error" variant="outlined" icon={<AlarmIcon />} label={translate("eduplan.reporting.late")} data-testid="late-flag" />;
}

export const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/** In a list of reports: the status chip, and the late flag from the period's deadline. */
export function ReportStatusField(_props: { label?: string; source?: string; sortable?: boolean }) {
  const record = useRecordContext<{ id: number; status: ReportStatus; submittedAt: string | null; periodId: number }>();
  const period = usePeriods().get(Number(record?.periodId));
  if (!record) return null;
  const late = period ? isReportLate({ status: record.status, submittedAt: record.submittedAt }, period.deadline, todayIso()) : false;
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: "center" }}>
      <StatusChip status={record.status} />
      {late ? <LateChip /> : null}
    </Stack>
  );
}
