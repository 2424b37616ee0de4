/** One start tag of a page: its name and its (double-quoted) attributes, entities decoded. */
export interface Tag {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

export const decodeEntities = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);

/**
 * The start tags of markup the authorization pages produce (every attribute value in double
 * quotes, boolean attributes bare). Tests only: enough to read forms and check labels.
 */
export function tagsOf(markup: string): Tag[] {
  const tags: Tag[] = [];
  for (const [, name, rest] of markup.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
    const attributes = new Map<string, string>();
    for (const [, attribute, value] of rest.matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g))
      attributes.set(attribute, decodeEntities(value ?? ''));
    tags.push({ name: name.toLowerCase(), attributes });
  }
  return tags;
}

/** What a browser would post: the form's action and its hidden inputs' values. */
export function formOf(
  markup: string,
  index = 0,
): { action: string; hidden: Record<string, string> } {
  const forms = markup.split('<form').slice(1);
  const form = forms[index];
  if (form === undefined) throw new Error(`no form #${index} in the page`);
  const [formTag, ...inner] = tagsOf(`<form${form.split('</form>')[0]}`);
  const hidden: Record<string, string> = {};
  for (const tag of inner) {
    if (tag.name === 'input' && tag.attributes.get('type') === 'hidden')
      hidden[tag.attributes.get('name') ?? ''] = tag.attributes.get('value') ?? '';
  }
  return { action: formTag?.attributes.get('action') ?? '', hidden };
}

/** The text of the element with role="alert" (empty if it is empty). */
export function alertTextOf(markup: string): string {
  const match = /role="alert"[^>]*>([^<]*)</.exec(markup);
  if (!match) throw new Error('no role="alert" region in the page');
  return decodeEntities(match[1]).trim();
}
