import { css } from 'lit';

/** Row height of the entry grid, in pixels: the grid renders only the rows in view (windowing). */
export const gridRowHeight = 44;
/** Height of the grid's scrolling area, in pixels. */
export const gridViewportHeight = 480;

export const orderEntryStyles = css`
  :host {
    display: block;
  }
  .banner {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.5em;
    align-items: baseline;
  }
  .banner .countdown {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: end;
    margin: 0.75em 0;
  }
  .toolbar .filter {
    margin-left: auto;
  }
  .toolbar .filter label {
    margin: 0 0 0.25em;
  }
  .grid-scroll {
    max-height: ${gridViewportHeight}px;
    overflow: auto;
    border: 1px solid var(--vo-border-color, #ccc);
  }
  .grid thead th {
    position: sticky;
    top: 0;
    z-index: 1;
  }
  .grid tbody tr.row {
    height: ${gridRowHeight}px;
  }
  .grid tbody tr.row > * {
    padding-top: 0;
    padding-bottom: 0;
    overflow: hidden;
  }
  .grid tr.product th {
    background: var(--vo-product-row-background, #f3f3fb);
    white-space: nowrap;
  }
  .grid tr.product .totals {
    font-weight: normal;
    margin-left: 1em;
  }
  .grid tr.spacer td {
    padding: 0;
    border: none;
  }
  .grid .name {
    white-space: nowrap;
    text-overflow: ellipsis;
    max-width: 18em;
  }
  .grid .message {
    font-size: 0.82em;
    line-height: 1.15;
    color: var(--vo-danger-color, #b3261e);
  }
  input.qty {
    width: 6em;
    text-align: right;
    background: var(--vo-cell-background, #fff3a0);
  }
  input.qty[aria-invalid='true'] {
    border: 2px solid var(--vo-danger-color, #b3261e);
  }
  .toggle {
    margin-right: 0.5em;
  }
  .error-text {
    color: var(--vo-danger-color, #b3261e);
  }
  tr.selected td {
    background: var(--vo-selected-background, #e3e3fd);
  }
  dialog {
    border: 1px solid var(--vo-border-color, #666);
    border-radius: var(--vo-radius, 4px);
    max-width: 32em;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 40%);
  }
  .conflict {
    margin: 1em 0;
  }
`;
