import { JOBS_UI_FLAG } from '../jobs-ui/jobs-ui.flag';
import type { FeatureFlagDefinition } from './feature-flags';

/**
 * The app's own flags. Each is declared in the file of the feature it guards; importing them here
 * registers them before the configuration is read, so `STHENO_FF_<KEY>` and the config file can set
 * them. A new built-in flag is added to this list.
 */
export const BUILT_IN_FEATURE_FLAGS: readonly FeatureFlagDefinition[] = [JOBS_UI_FLAG];
