/** A non-negative decimal (prices, money); '' and junk are rejected. */
export function parseNonNegative(value: string): number | null {
  const trimmed = value.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** A whole number ≥ 0 (rate limits). */
export function parseNonNegativeInt(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isSafeInteger(n) ? n : null;
}

/** A signed decimal for balance adjustments; zero is not an adjustment. */
export function parseAmount(value: string): number | null {
  const trimmed = value.trim().replace(',', '.');
  if (!/^-?\d+(\.\d{1,10})?$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) && n !== 0 ? n : null;
}
