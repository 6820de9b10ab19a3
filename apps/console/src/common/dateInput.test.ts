import { describe, expect, it } from "vitest";
import { dayFirstToIso, isoToDayFirst, validDayFirstDate } from "./dateInput";

describe("dates typed day first", () => {
  it("shows an ISO date as dd/mm/yyyy and reads it back", () => {
    expect(isoToDayFirst("2025-09-21")).toBe("21/09/2025");
    expect(dayFirstToIso("21/09/2025")).toBe("2025-09-21");
    expect(dayFirstToIso("1/7/2025")).toBe("2025-07-01");
    expect(dayFirstToIso("01.07.2025")).toBe("2025-07-01");
    expect(dayFirstToIso("")).toBeNull();
  });
  it("keeps what is not a real date, so the validator refuses it", () => {
    expect(dayFirstToIso("31/02/2025")).toBe("31/02/2025");
    expect(dayFirstToIso("09/21/2025")).toBe("09/21/2025");
    expect(validDayFirstDate("31/02/2025", {}, {} as never)).toBe("eduplan.errors.invalidDate");
    expect(validDayFirstDate("2025-02-28", {}, {} as never)).toBeUndefined();
    expect(validDayFirstDate(null, {}, {} as never)).toBeUndefined();
  });
});
