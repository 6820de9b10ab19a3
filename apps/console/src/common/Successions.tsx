import { Link as MuiLink, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { Labeled, useRecordContext, useTranslate } from "react-admin";
import { formatDate } from "../format";
import { enumKey } from "../enums";
import { trpc } from "../trpc";
import { localName, useUiLocale } from "./locale";

type Result = Awaited<ReturnType<typeof trpc.successions.agency.query>>;
type LinkRow = Result["predecessors"][number];

/**
 * Who came before and after this agency or locality (the 2025 mergers, dissolved bodies), each a link to its page:
 * how (agencies: merged, absorbed, split…), from when, the note. Records outside the user's area are counted only.
 */
export function Successions({ of }: { of: "agency" | "locality" }) {
  const record = useRecordContext();
  const id = typeof record?.id === "number" ? record.id : null;
  const query = useQuery({
    queryKey: ["successions", of, id],
    queryFn: () => (of === "agency" ? trpc.successions.agency.query({ id: id! }) : trpc.successions.locality.query({ id: id! })),
    enabled: id !== null,
  });
  if (!query.data) return null;
  return (
    <Stack spacing={2} sx={{ width: "100%" }}>
      <Labeled label="eduplan.successions.predecessors" fullWidth>
        <LinkTable of={of} rows={query.data.predecessors} hidden={query.data.hiddenPredecessors} testId="predecessors" />
      </Labeled>
      <Labeled label="eduplan.successions.successors" fullWidth>
        <LinkTable of={of} rows={query.data.successors} hidden={query.data.hiddenSuccessors} testId="successors" />
      </Labeled>
    </Stack>
  );
}

function LinkTable({ of, rows, hidden, testId }: { of: "agency" | "locality"; rows: LinkRow[]; hidden: number; testId: string }) {
  const translate = useTranslate();
  const { locale } = useUiLocale();
  const outside = hidden ? <Typography variant="body2" color="text.secondary">{translate("eduplan.successions.outsideArea", { smart_count: hidden })}</Typography> : null;
  if (!rows.length) return outside ?? <Typography variant="body2">{translate("eduplan.successions.none")}</Typography>;
  const path = of === "agency" ? "agencies" : "localities";
  return (
    <>
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableCell>{translate("eduplan.successions.name")}</TableCell>
            {of === "agency" ? <TableCell>{translate("eduplan.successions.kind")}</TableCell> : null}
            <TableCell>{translate(of === "agency" ? "eduplan.successions.effectiveOn" : "eduplan.successions.validTo")}</TableCell>
            {of === "agency" ? <TableCell>{translate("eduplan.successions.note")}</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id}>
              <TableCell>
                <MuiLink component={Link} to={`/${path}/${r.id}/show`} underline="hover">
                  {localName(r, locale)}
                </MuiLink>
              </TableCell>
              {of === "agency" ? <TableCell>{r.kind ? translate(enumKey("successionKind", r.kind), { _: "—" }) : "—"}</TableCell> : null}
              <TableCell>{formatDate(of === "agency" ? r.effectiveOn : r.validTo, locale) || "—"}</TableCell>
              {of === "agency" ? <TableCell>{r.noteVi ?? "—"}</TableCell> : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {outside}
    </>
  );
}
