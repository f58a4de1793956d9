import type { ScalarChoices } from "../../model/scalar-choices.js";
import { modelScalars } from "../../model/schema/scalars.js";
import { CONFIG_DEFAULTS, type ApiloomConfig } from "./types.js";

/**
 * The model's `scalars` (config `dates`, `int64`; `--dates`, `--int64` over them), present only
 * when not both the defaults: the fingerprint and the output are then what they were before the
 * options existed.
 */
export function scalarsOf(
  config: ApiloomConfig,
  flags: { dates?: ScalarChoices["dates"]; int64?: ScalarChoices["int64"] },
): { scalars?: ScalarChoices } {
  const scalars = modelScalars({
    dates: flags.dates ?? config.dates ?? CONFIG_DEFAULTS.dates,
    int64: flags.int64 ?? config.int64 ?? CONFIG_DEFAULTS.int64,
  });
  return scalars ? { scalars } : {};
}
