import { html } from './html';
import { page } from './layout';

/** A requested user scope as the catalog describes it. */
export interface ConsentScope {
  readonly name: string;
  readonly description: string;
}

export interface ConsentPageModel {
  readonly appName: string;
  readonly action: string;
  readonly csrfToken: string;
  readonly user: { readonly displayName: string; readonly username: string };
  /** The catalog name of the one resource (API) the token is for. */
  readonly resourceName: string;
  readonly scopes: readonly ConsentScope[];
  readonly offlineAccess: boolean;
}

export const OFFLINE_ACCESS_DESCRIPTION =
  'Keep this access while you are away: the app may renew it without asking you again, until the access is revoked';

/** The consent step: what the app asks for, on behalf of whom, and two plain buttons. */
export function consentPage(model: ConsentPageModel): string {
  const items = model.scopes.map(
    (s) => html`<li>${s.description} <span class="scope-name">(${s.name})</span></li>`,
  );
  const offline = model.offlineAccess
    ? html`<li>${OFFLINE_ACCESS_DESCRIPTION} <span class="scope-name">(offline_access)</span></li>`
    : null;
  return page(
    `Allow ${model.appName} access?`,
    html`<h1>Allow <strong>${model.appName}</strong> access?</h1>
      <p>
        You are signed in as <strong>${model.user.displayName}</strong> (${model.user.username}).
      </p>
      <p id="scopes-heading">${model.appName} asks to use ${model.resourceName} as you, to:</p>
      <ul aria-labelledby="scopes-heading">
        ${items}${offline}
      </ul>
      <form method="post" action="${model.action}">
        <input type="hidden" name="csrf_token" value="${model.csrfToken}" />
        <button type="submit" name="decision" value="allow">Allow</button>
        <button type="submit" name="decision" value="deny" class="secondary">Deny</button>
      </form>`,
  );
}
