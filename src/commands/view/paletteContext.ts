// Context keys that keep the Command Palette to what some account can do: a command only some clouds have
// (from the providers' capability tables, never a cloud's name) or only the user's own accounts take (not the
// sandbox's) is offered while an account in the tree qualifies; Clear Finished Jobs while a job has finished.
import type { AccountConfig } from '../../providers/core/model';
import { CAPABILITIES, COMMAND_CAPABILITIES, FILE_TRANSFERS } from '../../providers/rules/capabilities';
import { isActive } from '../../jobs/model';
import { transferActive } from '../../jobs/transferModel';
import type { CommandContext } from '../shared/context';

/** `cloudImageExplorer.accountsCan.<what>`: some account in the tree is on a cloud that does it. */
export const ACCOUNTS_CAN = 'cloudImageExplorer.accountsCan';
/** Some account is the user's own (Edit Account, Open in Console: the sandbox has neither). */
export const OWN_ACCOUNTS = 'cloudImageExplorer.ownAccounts';
/** Some job or transfer has finished: what Clear Finished Jobs removes. */
export const FINISHED_JOBS = 'cloudImageExplorer.jobs.hasFinished';

type Qualifies = (a: AccountConfig) => boolean;

const QUALIFIES: Readonly<Record<string, Qualifies>> = {
  ...Object.fromEntries(COMMAND_CAPABILITIES.map((c): [string, Qualifies] => [c, (a) => CAPABILITIES[a.cloud][c]])),
  import: (a) => !!CAPABILITIES[a.cloud].import,
  importFile: (a) => !!CAPABILITIES[a.cloud].import && FILE_TRANSFERS[a.cloud],
  quota: (a) => !!CAPABILITIES[a.cloud].quota,
  received: (a) => !!CAPABILITIES[a.cloud].received,
};

/** Each key and its value for these accounts. */
export function accountKeys(accounts: readonly AccountConfig[]): [string, boolean][] {
  return [
    ...Object.entries(QUALIFIES).map(([what, qualifies]): [string, boolean] => [`${ACCOUNTS_CAN}.${what}`, accounts.some(qualifies)]),
    [OWN_ACCOUNTS, accounts.some((a) => !a.sandbox)],
  ];
}

/** Whether Clear Finished Jobs has something to clear (the jobs and transfers it removes). */
export function hasFinishedJobs(ctx: CommandContext): boolean {
  return ctx.jobs.list().some((j) => !isActive(j)) || ctx.transfers.list().some((j) => !transferActive(j) && j.status !== 'interrupted');
}
