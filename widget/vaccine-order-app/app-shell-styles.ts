import { css } from 'lit';

export const appShellStyles = css`
  :host {
    display: block;
    background: var(--vo-surface-color, #fff);
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  .loading,
  .login-frame {
    padding: 1.5em;
    max-width: 40rem;
  }
  .shell {
    display: grid;
    grid-template-columns: var(--vo-nav-width, 15rem) 1fr;
    grid-template-rows: auto 1fr;
    min-height: 30rem;
  }
  header {
    grid-column: 1 / -1;
    display: flex;
    gap: 1em;
    align-items: center;
    padding: 0.6em 1em;
    border-bottom: 1px solid var(--vo-border-color, #ccc);
  }
  header .app-title {
    font-weight: 700;
    color: var(--vo-heading-color, #000091);
  }
  header .who {
    margin-left: auto;
  }
  nav {
    border-right: 1px solid var(--vo-border-color, #ccc);
    padding: 0.8em 0;
  }
  nav ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  nav ul ul {
    padding-left: 1em;
  }
  nav .group {
    display: block;
    padding: 0.5em 1em 0.2em;
    font-weight: 700;
  }
  .nav-item {
    display: block;
    width: 100%;
    text-align: left;
    background: none;
    border: none;
    border-left: 4px solid transparent;
    color: inherit;
    border-radius: 0;
    padding: 0.5em 1em;
  }
  .nav-item[aria-current='page'] {
    border-left-color: var(--vo-primary-color, #000091);
    background: var(--vo-nav-current-background, #eef);
    font-weight: 600;
  }
  main {
    padding: 1em 1.5em;
    min-width: 0;
  }
  main:focus {
    outline: none;
  }
  @container (max-width: 40rem) {
    .shell {
      grid-template-columns: 1fr;
    }
    nav {
      border-right: none;
      border-bottom: 1px solid var(--vo-border-color, #ccc);
    }
  }
`;
