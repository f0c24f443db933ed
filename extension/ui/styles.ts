import { css } from 'lit';

/** The look shared by the popup and the extension's pages: sober, readable, large targets. */
export const baseStyles = css`
  :host {
    display: block;
    font: 14px/1.45 system-ui, sans-serif;
    color: #1f2937;
  }
  h1 { font-size: 1.15rem; margin: 0 0 0.5rem; }
  h2 { font-size: 1rem; margin: 1rem 0 0.4rem; }
  p { margin: 0.35rem 0; }
  button, .button {
    font: inherit; padding: 0.45rem 0.8rem; border-radius: 6px; border: 1px solid #0063a6;
    background: #0063a6; color: #fff; cursor: pointer; margin: 0.2rem 0.3rem 0.2rem 0;
  }
  button.secondary { background: #fff; color: #0063a6; }
  button:disabled { opacity: 0.6; cursor: default; }
  button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #0a76f6; outline-offset: 1px; }
  input, select, textarea { font: inherit; padding: 0.35rem; border: 1px solid #9ca3af; border-radius: 4px; box-sizing: border-box; }
  label { display: block; margin: 0.4rem 0 0.2rem; }
  .error { border: 1px solid #b91c1c; background: #fef2f2; color: #7f1d1d; padding: 0.5rem; border-radius: 6px; margin: 0.5rem 0; }
  .muted { color: #4b5563; }
  .code { font-size: 2rem; font-weight: 700; letter-spacing: 0.3rem; }
`;
