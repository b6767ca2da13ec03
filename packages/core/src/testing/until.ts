/** Polls a condition (sync, or a call that answers) until it holds (tests only). */
export async function until(
  check: () => boolean | Promise<boolean>,
  ms = 10_000,
  what = 'a condition',
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
