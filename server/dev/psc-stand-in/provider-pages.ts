import type { ErrorOut, KoaContextWithOIDC } from 'oidc-provider';
import { escapeHtml, page, pageSecurityHeaders } from './html';

// oidc-provider's default pages are English, load a Google font and print a "you SHOULD change
// this" notice; these replace them with the stand-in's French, script-free look.

function sendPage(ctx: KoaContextWithOIDC, html: string): void {
  ctx.set(pageSecurityHeaders);
  ctx.type = 'html';
  ctx.body = html;
}

export function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): void {
  const description = out.error_description ? `<p>${escapeHtml(out.error_description)}</p>` : '';
  sendPage(ctx, page('Une erreur est survenue', `<p class="error">Code : ${escapeHtml(out.error)}</p>${description}`));
}

export function logoutSource(ctx: KoaContextWithOIDC, form: string): void {
  sendPage(
    ctx,
    page(
      'Déconnexion',
      `<p>Voulez-vous vous déconnecter de Pro Santé Connect ?</p>
${form}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes">Se déconnecter</button>
<button type="submit" form="op.logoutForm" class="secondary">Rester connecté</button>
</div>`,
    ),
  );
}

export function postLogoutSuccessSource(ctx: KoaContextWithOIDC): void {
  sendPage(ctx, page('Déconnexion réussie', '<p>Vous êtes déconnecté de Pro Santé Connect.</p>'));
}
