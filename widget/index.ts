import { VaccineOrderApp } from './vaccine-order-app/vaccine-order-app';

// Registration lives here, not in the class file, so a host can register under its own tag.
if (!customElements.get('vaccine-order-app')) customElements.define('vaccine-order-app', VaccineOrderApp);

declare global {
  interface HTMLElementTagNameMap {
    'vaccine-order-app': VaccineOrderApp;
  }
}

export { VaccineOrderApp };
