/** Browser-safe: the monthly cap's arithmetic, shared by the check in core and the SPA's bar. */

export interface BudgetInput {
  cap: number;
  /** Spent this month (finished tasks, and what failed attempts were billed). */
  spent: number;
  /** Held by tasks that have not finished: their estimate (plus what they were billed so far). */
  reserved: number;
  /** A new request's estimate, when deciding whether to accept it. */
  asked?: number;
}

export interface BudgetStatus {
  cap: number;
  spent: number;
  reserved: number;
  asked: number;
  /** Spent plus reserved. */
  committed: number;
  /** How far `committed` passes the cap; 0 within it. */
  over: number;
  /** What can still be asked before the cap; 0 at or past it. */
  left: number;
  /** Whether `asked` fits: committed + asked stays within the cap. */
  fits: boolean;
  /**
   * The bar's two segments as shares of its width (0–1). The bar's scale is the cap, or
   * what is committed when that is more, so an overrun fills the bar.
   */
  bar: { spent: number; reserved: number };
}

/** Money adds in floating point (0.1 + 0.2); compare and show at a millionth. */
const settle = (n: number) => Math.round(n * 1e6) / 1e6;

export function budgetStatus(input: BudgetInput): BudgetStatus {
  const cap = settle(input.cap);
  const spent = settle(input.spent);
  const reserved = settle(input.reserved);
  const asked = settle(input.asked ?? 0);
  const committed = settle(spent + reserved);
  const scale = Math.max(cap, committed);
  return {
    cap,
    spent,
    reserved,
    asked,
    committed,
    over: Math.max(0, settle(committed - cap)),
    left: Math.max(0, settle(cap - committed)),
    fits: settle(committed + asked) <= cap,
    bar:
      scale > 0 ? { spent: spent / scale, reserved: reserved / scale } : { spent: 0, reserved: 0 },
  };
}
