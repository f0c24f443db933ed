import { css } from 'lit';

/**
 * Styles every screen adopts. Hosts theme the widget through these custom properties
 * (documented on <vaccine-order-app>); nothing here reaches outside the shadow roots.
 */
export const sharedStyles = css`
  :host {
    font-family: var(--vo-font-family, system-ui, sans-serif);
    color: var(--vo-text-color, #1e1e1e);
    font-size: var(--vo-font-size, 15px);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    color: var(--vo-heading-color, #000091);
    margin: 0 0 0.75em;
  }
  h1 {
    font-size: 1.4em;
  }
  h2 {
    font-size: 1.2em;
  }
  h3 {
    font-size: 1.05em;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--vo-radius, 4px);
    border: 1px solid var(--vo-primary-color, #000091);
    background: var(--vo-primary-color, #000091);
    color: var(--vo-primary-text-color, #fff);
    padding: 0.45em 1em;
    min-height: 2.2em;
  }
  button.secondary {
    background: var(--vo-surface-color, #fff);
    color: var(--vo-primary-color, #000091);
  }
  button.danger {
    background: var(--vo-danger-color, #b3261e);
    border-color: var(--vo-danger-color, #b3261e);
  }
  button.link {
    background: none;
    border: none;
    color: var(--vo-link-color, #000091);
    text-decoration: underline;
    padding: 0;
    min-height: 0;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--vo-focus-color, #0a76f6);
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    font: inherit;
    padding: 0.35em 0.5em;
    border: 1px solid var(--vo-border-color, #666);
    border-radius: var(--vo-radius, 4px);
    background: var(--vo-input-background, #fff);
    color: inherit;
  }
  label {
    display: block;
    font-weight: 600;
    margin: 0.6em 0 0.25em;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    border-bottom: 1px solid var(--vo-border-color, #ccc);
    padding: 0.35em 0.5em;
    text-align: left;
  }
  th {
    background: var(--vo-table-header-background, #eef);
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .actions {
    display: flex;
    gap: 0.5em;
    margin-top: 1em;
    align-items: center;
  }
  .actions .end {
    margin-left: auto;
  }
  .notice {
    padding: 0.6em 0.8em;
    border-left: 4px solid var(--vo-info-color, #0063cb);
    background: var(--vo-info-background, #e8edff);
    margin: 0.5em 0;
  }
  .notice.warning {
    border-color: var(--vo-warning-color, #b34000);
    background: var(--vo-warning-background, #fff4e5);
  }
  .notice.success {
    border-color: var(--vo-success-color, #18753c);
    background: var(--vo-success-background, #e6f4ea);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
