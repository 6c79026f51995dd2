/** First-run set-up: the code printed in the log, then the first admin and blog in one transaction. */
export { needsSetup, announceSetupCode, completeSetup, createAdminFromCli, SetupSchema } from "./service";
