import { css } from 'lit';

export const popupStyles = css`
  main { width: 340px; padding: 0.75rem; }
  fieldset { border: 1px solid #d1d5db; border-radius: 6px; }
  input { width: 100%; }
  .choices { list-style: none; padding: 0; }
  .status { font-weight: 600; padding: 0.1rem 0.4rem; border-radius: 4px; background: #e5e7eb; }
  .status-open { background: #dcfce7; color: #14532d; }
  .status-confirmed { background: #dbeafe; color: #1e3a8a; }
`;
