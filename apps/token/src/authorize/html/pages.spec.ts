import { alertTextOf, formOf, tagsOf } from '../testing/html-inspection';
import { consentPage, OFFLINE_ACCESS_DESCRIPTION } from './consent-page';
import { errorPage } from './error-page';
import { CONTENT_SECURITY_POLICY } from './layout';
import { loginPage } from './login-page';

const HOSTILE = '<img src=x onerror=alert(1)>"\'';

const login = (error?: string) =>
  loginPage({
    appName: `Timesheet ${HOSTILE}`,
    action: '/oauth/authorize/login',
    csrfToken: 'csrf-1',
    ...(error === undefined ? {} : { error, username: HOSTILE }),
  });

const consent = consentPage({
  appName: 'Timesheet',
  action: '/oauth/authorize/consent',
  csrfToken: 'csrf-2',
  user: { displayName: 'Ada Lovelace', username: 'ada' },
  resourceName: 'Orchestrator API',
  scopes: [{ name: 'OR.Jobs.Read', description: 'Read jobs' }],
  offlineAccess: true,
});

/** Every visible input has a label whose `for` names it (WCAG 1.3.1, 3.3.2). */
function unlabelledInputs(markup: string): string[] {
  const tags = tagsOf(markup);
  const labelled = new Set(
    tags.filter((t) => t.name === 'label').map((t) => t.attributes.get('for')),
  );
  return tags
    .filter((t) => t.name === 'input' && t.attributes.get('type') !== 'hidden')
    .map((t) => t.attributes.get('id') ?? '(no id)')
    .filter((id) => !labelled.has(id));
}

const tagNamed = (markup: string, name: string) => tagsOf(markup).find((t) => t.name === name);

describe('authorization pages: accessibility basics', () => {
  it.each([
    ['login', login()],
    ['consent', consent],
    ['error', errorPage({ title: 'Not valid', message: 'Go back.' })],
  ])('the %s page declares its language, one main landmark and a title', (_page, markup) => {
    expect(markup.startsWith('<!doctype html>')).toBe(true);
    expect(tagNamed(markup, 'html')?.attributes.get('lang')).toBe('en');
    expect(markup.match(/<main>/g)).toHaveLength(1);
    expect(markup).toMatch(/<title>[^<]+<\/title>/);
    expect(markup).toMatch(/<h1>/);
  });

  it('ties every login input to its label and asks for the right autocomplete', () => {
    const markup = login();
    expect(unlabelledInputs(markup)).toEqual([]);
    const inputs = tagsOf(markup).filter((t) => t.name === 'input');
    const autocomplete = Object.fromEntries(
      inputs.map((t) => [t.attributes.get('name'), t.attributes.get('autocomplete')]),
    );
    expect(autocomplete).toEqual({
      csrf_token: undefined,
      username: 'username',
      password: 'current-password',
    });
    expect(
      inputs.find((t) => t.attributes.get('name') === 'password')?.attributes.get('type'),
    ).toBe('password');
  });

  it('has an empty alert region before a failure, and the message in it after one', () => {
    expect(alertTextOf(login())).toBe('');
    const failed = login('Wrong username or password.');
    expect(alertTextOf(failed)).toBe('Wrong username or password.');
    const username = tagsOf(failed).find((t) => t.attributes.get('name') === 'username');
    expect(username?.attributes.get('aria-describedby')).toBe('form-error');
    expect(username?.attributes.get('aria-invalid')).toBe('true');
  });

  it('posts a plain form (no script needed) with the CSRF token', () => {
    expect(formOf(login())).toEqual({
      action: '/oauth/authorize/login',
      hidden: { csrf_token: 'csrf-1' },
    });
    expect(tagNamed(login(), 'form')?.attributes.get('method')).toBe('post');
    expect(login()).not.toMatch(/<script/i);
  });

  it('shows the app name escaped, and keeps a hostile username inert', () => {
    const markup = login('failed');
    expect(markup).not.toContain('<img');
    expect(markup).toContain('Timesheet &lt;img src=x onerror=alert(1)&gt;&quot;&#39;');
    const username = tagsOf(markup).find((t) => t.attributes.get('name') === 'username');
    expect(username?.attributes.get('value')).toBe(HOSTILE);
  });

  it('lists the scopes with their descriptions and explains offline_access on the consent page', () => {
    expect(consent).toContain('Read jobs <span class="scope-name">(OR.Jobs.Read)</span>');
    expect(consent).toContain(OFFLINE_ACCESS_DESCRIPTION);
    expect(consent).toContain('Ada Lovelace');
    const buttons = tagsOf(consent).filter((t) => t.name === 'button');
    expect(buttons.map((b) => [b.attributes.get('name'), b.attributes.get('value')])).toEqual([
      ['decision', 'allow'],
      ['decision', 'deny'],
    ]);
    expect(formOf(consent).hidden).toEqual({ csrf_token: 'csrf-2' });
  });

  it('allows only its own inline style and forbids framing', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'/,
    );
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});
