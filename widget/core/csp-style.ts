import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets inline style properties through the CSSOM, element directive:
 * `<td ${cspStyle({ height: '40px' })}>`. Lit's styleMap writes a `style` attribute on its
 * first render, which a host page's strict `style-src 'self'` refuses (the rows' spacers
 * then collapse); properties set through `element.style` are not subject to that policy.
 */
class CspStyle extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cspStyle goes on an element: <td ${cspStyle({...})}>');
  }

  render(_styles: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [styles]: [Readonly<Record<string, string>>]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const [name, value] of Object.entries(styles)) style.setProperty(name, value);
    return noChange;
  }
}

export const cspStyle = directive(CspStyle);
