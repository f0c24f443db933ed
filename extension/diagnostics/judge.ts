import type { CheckResult } from './check-result';
import type { Facts } from './facts';
import { browserCheck } from './checks/browser-check';
import { cookieProbeCheck } from './checks/cookie-probe-check';
import { cookieSettingsCheck } from './checks/cookie-settings-check';
import { clockCheck, pscCheck, serviceCheck } from './checks/network-checks';
import { policiesCheck } from './checks/policies-check';

/** Every check's verdict, in the order the page shows them (the seed's order of advice). */
export function judge(facts: Facts, hosts: { service: string; psc: string }): CheckResult[] {
  return [
    browserCheck(facts.browser),
    cookieSettingsCheck(facts.cookies, hosts),
    cookieProbeCheck(facts.probe),
    serviceCheck(facts.health),
    pscCheck(facts.pscDiscovery, facts.health),
    clockCheck(facts.health),
    policiesCheck(facts.policies),
  ];
}
