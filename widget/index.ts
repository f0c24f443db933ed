import { VaccineOrderApp } from './vaccine-order-app/vaccine-order-app';
import { VoAccount } from './vo-account/vo-account';
import { VoEmailDialog } from './vo-email-dialog/vo-email-dialog';
import { VoHome } from './vo-home/vo-home';
import { VoLogin } from './vo-login/vo-login';
import { VoDocumentation } from './vo-documentation/vo-documentation';
import { VoErrorMessage } from './vo-error-message/vo-error-message';
import { VoOrderEntry } from './vo-order-entry/vo-order-entry';
import { VoOrderTracking } from './vo-order-tracking/vo-order-tracking';
import { VoStockSurvey } from './vo-stock-survey/vo-stock-survey';
import { VoSupportForm } from './vo-support-form/vo-support-form';

// Registration lives here, not in the class files: one place lists every tag, and a host
// that already defined one (two copies of the script) does not crash the page.
const elements = {
  'vaccine-order-app': VaccineOrderApp,
  'vo-account': VoAccount,
  'vo-documentation': VoDocumentation,
  'vo-email-dialog': VoEmailDialog,
  'vo-error-message': VoErrorMessage,
  'vo-home': VoHome,
  'vo-login': VoLogin,
  'vo-order-entry': VoOrderEntry,
  'vo-order-tracking': VoOrderTracking,
  'vo-stock-survey': VoStockSurvey,
  'vo-support-form': VoSupportForm,
} as const;

for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

type Elements = typeof elements;
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementTagNameMap extends Elements_ {}
}
type Elements_ = { [K in keyof Elements]: InstanceType<Elements[K]> };

export { VaccineOrderApp };
