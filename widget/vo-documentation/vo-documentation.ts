import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { sharedStyles } from '../core/shared-styles';
import type { WidgetContext } from '../core/widget-context';
import { translator, type Lang } from '../i18n/index';
import type { Block, Guide, GuideBook, Inline } from './guide-types';

/**
 * The guide texts are not part of the widget's first load: each language is a separate module,
 * fetched when « Documentation » opens.
 */
export function loadGuideBook(lang: Lang): Promise<GuideBook> {
  return lang === 'en' ? import('./guides.en').then((m) => m.guideBook) : import('./guides.fr').then((m) => m.guideBook);
}

/** The id of the heading of a guide or of a section (in this element's shadow root). */
export function headingId(id: string): string {
  return `doc-${id}`;
}

/**
 * « Documentation »: the user guides (connection with CPS / e-CPS, order entry, confirmation,
 * browser and cookies, campaign features), loaded on demand, with a table of contents whose
 * links move focus to the chosen heading.
 */
export class VoDocumentation extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      nav ol {
        margin: 0.25em 0;
      }
      nav li {
        margin: 0.2em 0;
      }
      article {
        margin: 2em 0;
        border-top: 1px solid var(--vo-border-color, #ccc);
        padding-top: 1em;
      }
      h4 {
        margin: 1em 0 0.4em;
        font-size: 1em;
      }
      [tabindex='-1']:focus {
        outline: 2px dashed var(--vo-focus-color, #0a76f6);
      }
      .summary {
        font-style: italic;
      }
      .ui-label {
        font-weight: 600;
        white-space: nowrap;
      }
      li + li {
        margin-top: 0.3em;
      }
    `,
  ];

  /** Handed over by <vaccine-order-app>: API client, language, who is logged in. */
  @property({ attribute: false }) context?: WidgetContext;
  /** Optional: the id of a guide or section to show first (focus moves there once loaded). */
  @property() section: string | null = null;

  @state() private book: GuideBook | null = null;
  @state() private failed = false;
  private loadedLang: Lang | null = null;

  private get uiLang(): Lang {
    return this.context?.lang ?? 'fr';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('context') && this.loadedLang !== this.uiLang) void this.load();
  }

  /** Fetches the guides of the current language (once per language); its strings come with the context. */
  async load(): Promise<void> {
    const lang = this.uiLang;
    this.loadedLang = lang;
    this.failed = false;
    try {
      const book = await loadGuideBook(lang);
      if (this.loadedLang !== lang) return;
      this.book = book;
      if (this.section) {
        await this.updateComplete;
        this.goTo(this.section);
      }
    } catch {
      this.failed = true;
    }
  }

  /** Moves focus (and the view) to the heading of a guide or section. */
  goTo(id: string): void {
    const heading = this.renderRoot.querySelector<HTMLElement>(`#${headingId(id)}`);
    if (!heading) return;
    heading.scrollIntoView({ block: 'start' });
    heading.focus();
  }

  override render() {
    const t = translator(this.uiLang);
    let body;
    if (this.failed) {
      body = html`<div class="notice warning" role="alert">
          <p>${t('documentation.loadFailed')}</p>
        </div>
        <div class="actions"><button type="button" class="secondary" @click=${() => void this.load()}>${t('common.retry')}</button></div>`;
    } else if (!this.book) {
      body = html`<p role="status">${t('documentation.loading')}</p>`;
    } else {
      const guides = this.book.guides;
      body = html`<nav aria-labelledby="doc-toc">
          <h2 id="doc-toc" tabindex="-1">${t('documentation.toc')}</h2>
          <ol>
            ${guides.map(
              (guide) =>
                html`<li>
                  <button type="button" class="link" data-target=${guide.id} @click=${() => this.goTo(guide.id)}>${guide.title}</button>
                  <ol>
                    ${guide.sections.map(
                      (section) =>
                        html`<li>
                          <button type="button" class="link" data-target=${section.id} @click=${() => this.goTo(section.id)}>${section.title}</button>
                        </li>`,
                    )}
                  </ol>
                </li>`,
            )}
          </ol>
        </nav>
        ${guides.map((guide) => this.renderGuide(guide, t('documentation.backToToc')))}`;
    }
    return html`<h1>${t('documentation.title')}</h1>
      <p>${t('documentation.intro')}</p>
      ${body}`;
  }

  private renderGuide(guide: Guide, back: string) {
    return html`<article aria-labelledby=${headingId(guide.id)} data-guide=${guide.id}>
      <h2 id=${headingId(guide.id)} tabindex="-1">${guide.title}</h2>
      <p class="summary">${guide.summary}</p>
      ${guide.sections.map(
        (section) =>
          html`<section aria-labelledby=${headingId(section.id)} data-section=${section.id}>
            <h3 id=${headingId(section.id)} tabindex="-1">${section.title}</h3>
            ${section.blocks.map((block) => this.renderBlock(block))}
          </section>`,
      )}
      <p><button type="button" class="link" @click=${() => this.goTo('toc')}>${back}</button></p>
    </article>`;
  }

  private renderBlock(block: Block) {
    switch (block.kind) {
      case 'p':
        return html`<p>${this.renderInline(block.text)}</p>`;
      case 'note':
        return html`<p class="notice">${this.renderInline(block.text)}</p>`;
      case 'subtitle':
        return html`<h4>${block.text}</h4>`;
      case 'steps':
        return html`<ol>
          ${block.items.map((item) => html`<li>${this.renderInline(item)}</li>`)}
        </ol>`;
      case 'list':
        return html`<ul>
          ${block.items.map((item) => html`<li>${this.renderInline(item)}</li>`)}
        </ul>`;
    }
  }

  private renderInline(runs: Inline[]) {
    return runs.map((run) =>
      typeof run === 'string'
        ? run
        : 'label' in run
          ? html`<span class="ui-label">« ${run.label} »</span>`
          : html`<strong>${run.strong}</strong>`,
    );
  }
}

