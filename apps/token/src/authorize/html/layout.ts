import { createHash } from 'node:crypto';
import { html, SafeHtml, trustedHtml } from './html';

/** Plain, high-contrast, readable at 200% zoom; focus stays visible (WCAG 2.4.7). */
const STYLE = [
  'body{font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;background:#f4f4f4;margin:0}',
  'main{max-width:28rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.5rem}',
  'h1{font-size:1.5rem;margin-top:0}',
  'label{display:block;font-weight:600;margin-top:1rem}',
  'input{display:block;width:100%;box-sizing:border-box;font:inherit;padding:.5rem;margin-top:.25rem;border:1px solid #595959;border-radius:.25rem}',
  'button{font:inherit;padding:.5rem 1.25rem;margin:1.25rem .5rem 0 0;border-radius:.25rem;border:1px solid #0b4f9c;background:#0b4f9c;color:#fff;cursor:pointer}',
  'button.secondary{background:#fff;color:#0b4f9c}',
  ':focus-visible{outline:3px solid #b35c00;outline-offset:2px}',
  '.alert:not(:empty){border-left:4px solid #b00020;background:#fdecee;padding:.5rem .75rem;margin:1rem 0}',
  '.scope-name{color:#4d4d4d;font-size:.875rem}',
].join('');

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
// Built here, not in the page template: the hash covers the element's exact text, whitespace too.
const STYLE_ELEMENT = trustedHtml(`<style>${STYLE}</style>`);

/**
 * The pages load nothing and run no script; the one inline stylesheet is allowed by its hash.
 * No `form-action`: browsers apply it to the redirect that follows a form post, which goes to
 * the app's redirect URI. `frame-ancestors 'none'` (with X-Frame-Options) stops clickjacking.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A whole document: language, viewport, one `<main>` landmark and a title naming the step. */
export function page(title: string, content: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${title}</title>
        ${STYLE_ELEMENT}
      </head>
      <body>
        <main>${content}</main>
      </body>
    </html> `.value;
}
