import type * as Axe from 'axe-core';
import { expect } from '@open-wc/testing';

declare global {
  interface Window {
    axe?: typeof Axe;
  }
}

// axe-core ships as a UMD script, not an ES module: load it once as a classic script.
async function loadAxe(): Promise<typeof Axe> {
  if (window.axe) return window.axe;
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core could not be loaded'));
    document.head.append(script);
  });
  if (!window.axe) throw new Error('axe-core did not register');
  return window.axe;
}

/**
 * Runs axe on an element (its shadow roots included) and fails with the rules broken.
 * WCAG 2.1 A and AA rules, as public-sector sites are held to (RGAA).
 */
export async function expectAccessible(element: Element): Promise<void> {
  const axe = await loadAxe();
  const results = await axe.run(element, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  const problems = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(problems, problems.join('\n')).to.deep.equal([]);
}
