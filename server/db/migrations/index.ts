import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './2026_11_29_001_initial';
import * as login from './2026_11_30_002_login';
import * as emailLogin from './2026_11_30_003_email_login';
import * as campaign from './2026_11_30_004_campaign';
import * as confirmationMails from './2026_11_30_005_confirmation_mails';
import * as productTies from './2026_11_30_006_product_ties';
import * as stockSurvey from './2026_11_30_007_stock_survey';

/** Listed in code rather than read from disk, so a bundled or relocated server finds them all. */
const migrations: Record<string, Migration> = {
  '2026_11_29_001_initial': initial,
  '2026_11_30_002_login': login,
  '2026_11_30_003_email_login': emailLogin,
  '2026_11_30_004_campaign': campaign,
  '2026_11_30_005_confirmation_mails': confirmationMails,
  '2026_11_30_006_product_ties': productTies,
  '2026_11_30_007_stock_survey': stockSurvey,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
