/** The Airbyte latency of the timing figures, and the dependent-call chain of a first deploy. */
export const LATENCY_MS = 50;
/** lookups ∥ → source and destination creates ∥ → discover → create connection. */
export const PLANNED_CHAIN = 4;
