import { css } from 'lit';

export const diagnosticsStyles = css`
  main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
  .checks { list-style: none; padding: 0; }
  .check { border: 1px solid #d1d5db; border-left-width: 6px; border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0.6rem 0; }
  .check.pass { border-left-color: #15803d; }
  .check.warning { border-left-color: #b45309; }
  .check.failure { border-left-color: #b91c1c; }
  .verdict { font-size: 0.85rem; padding: 0.1rem 0.4rem; border-radius: 4px; background: #e5e7eb; margin-right: 0.3rem; }
  .pass .verdict { background: #dcfce7; color: #14532d; }
  .warning .verdict { background: #fef3c7; color: #78350f; }
  .failure .verdict { background: #fee2e2; color: #7f1d1d; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0.3rem 0; font-size: 0.9rem; }
  dt { color: #4b5563; }
  dd { margin: 0; }
  .notice { background: #eff6ff; border: 1px solid #93c5fd; padding: 0.5rem; border-radius: 6px; }
  form input[type='email'], form textarea, form select { width: 100%; }
`;
