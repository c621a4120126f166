// A creative: the template picker and the chosen template's content fields (docs/templates.md), a survey's
// questions included. Fields are named by their JSON path (creative.content.title,
// variants[1].creative.content.fields[0].label), so the API's errors land on them.
import { h } from '../../dom';
import { lang, t, Key } from '../../i18n';
import { Json } from './condition';
import { FIELDS, FieldSpec, SURVEY_TYPES, TEMPLATES, isTemplate, switchTemplate } from './content';
import { Bind, Env, at, button, checkbox, focusKey, focusedKey, input, optionalInt, optionalText, select } from './form';
import { join } from './paths';

const word = (key: string): string => t(key as Key);

/** Edits the creative that `bind` holds (an object with template and content) at JSON path `path`. */
export function creativeEditor(env: Env, o: { path: string; bind: Bind }): HTMLElement {
  const root = h('div', { class: 'creative' });
  const creative = () => o.bind.get() ?? {};
  const redraw = (focus?: string | null) => {
    const key = focus === undefined ? focusedKey(root) : focus;
    root.replaceChildren(...draw());
    focusKey(root, key);
  };
  const changed = (p: string) => env.changed(p);

  const draw = (): HTMLElement[] => {
    const c = creative();
    const template = c.template;
    const picker = select(env, {
      path: join(o.path, 'template'), label: t('ed.creative.template'),
      bind: { get: () => creative().template, set: () => {} },
      options: TEMPLATES.map((x) => ({ value: x, label: `${word(`ed.tpl.${x}`)} (${x})` })),
      onChange: (v) => {
        if (!isTemplate(v)) return;
        const cur = creative();
        const content = switchTemplate(cur.content ?? {}, v, lang() === 'ja');
        o.bind.set({ ...cur, template: v, content });
        changed(join(o.path, 'template'));
        redraw(join(o.path, 'template'));
      },
    });
    const fields = isTemplate(template)
      ? FIELDS[template].map((f) => contentField(f))
      : [h('p', { class: 'muted' }, t('ed.creative.unknown'))];
    return [picker, h('p', { class: 'help' }, isTemplate(template) ? word(`ed.tpl.${template}.help`) : ''), h('div', { class: 'grid content-fields' }, fields)];
  };

  const contentField = (f: FieldSpec): HTMLElement => {
    const path = join(o.path, 'content', f.name);
    const bind = at(() => creative(), ['content', f.name]);
    const label = word(`ed.field.${f.name}`) + (f.required ? '' : ` (${t('common.optional')})`);
    switch (f.kind) {
      case 'multiline':
        return input(env, { path, label, bind, multiline: true, rows: 3, help: t('ed.field.placeholders') });
      case 'html':
        return input(env, { path, label, bind, multiline: true, rows: 8, type: 'code', help: t('ed.field.html.help'), cls: 'wide' });
      case 'link':
        return input(env, { path, label, bind, placeholder: '/items/…', help: t('ed.field.link.help') });
      case 'image':
        return input(env, { path, label, bind, placeholder: 'https://…', help: t('ed.field.image.help') });
      case 'tel':
        return input(env, { path, label, bind, type: 'tel', placeholder: '0120-000-000' });
      case 'count':
        return input(env, { path, label, bind, inputmode: 'numeric', parse: optionalInt, placeholder: f.dflt });
      case 'choice':
        return select(env, { path, label, bind, empty: t('ed.default', { value: word(`ed.choice.${f.dflt}`) }),
          options: (f.choices ?? []).map((x) => ({ value: x, label: word(`ed.choice.${x}`) })) });
      case 'survey':
        return survey(path);
      default:
        return input(env, { path, label, bind, parse: optionalText });
    }
  };

  /** A survey's questions: each with its name, label, type, the user trait it writes, options and whether required. */
  const survey = (path: string): HTMLElement => {
    const list = (): Json[] => {
      const c = creative();
      c.content = c.content ?? {};
      if (!Array.isArray(c.content.fields)) c.content.fields = [];
      return c.content.fields;
    };
    const rows = list().map((q: Json, i: number) => {
      const qp = join(path, i);
      const b = (key: string) => at(() => list()[i], [key]);
      const needsOptions = q.type === 'select' || q.type === 'radio';
      return h('li', { class: 'question' },
        h('div', { class: 'grid' },
          input(env, { path: join(qp, 'label'), label: t('ed.survey.label'), bind: b('label') }),
          input(env, { path: join(qp, 'name'), label: t('ed.survey.name'), help: t('ed.survey.name.help'), bind: b('name') }),
          select(env, { path: join(qp, 'type'), label: t('ed.survey.type'), bind: b('type'),
            options: SURVEY_TYPES.map((x) => ({ value: x, label: word(`ed.survey.type.${x}`) })),
            onChange: (v) => {
              if (v === 'select' || v === 'radio') { if (!Array.isArray(list()[i].options)) list()[i].options = ['']; }
              else delete list()[i].options;
              redraw(join(qp, 'type'));
            } }),
          input(env, { path: join(qp, 'trait'), label: t('ed.survey.trait'), help: t('ed.survey.trait.help'), bind: b('trait') }),
          needsOptions ? input(env, { path: join(qp, 'options'), label: t('ed.survey.options'), help: t('ed.survey.options.help'), bind: b('options'),
            multiline: true, rows: 3, format: (v) => (Array.isArray(v) ? v.join('\n') : ''), parse: (s) => s.split('\n').map((x) => x.trim()).filter(Boolean) }) : null,
          checkbox(env, { path: join(qp, 'required'), label: t('ed.survey.required'), bind: b('required') })),
        button(env, t('ed.survey.remove'), () => {
          list().splice(i, 1);
          changed(path);
          redraw(join(path, '@add'));
        }, { cls: 'link', key: join(qp, '@remove') }));
    });
    return h('fieldset', { class: 'survey wide' },
      h('legend', {}, word('ed.field.fields')),
      h('ol', { class: 'questions' }, rows),
      h('div', { class: 'actions' }, button(env, t('ed.survey.add'), () => {
        const n = list().length + 1;
        list().push({ name: `q${n}`, label: '', type: 'text', trait: `q${n}` });
        changed(path);
        redraw(join(path, list().length - 1, 'label'));
      }, { key: join(path, '@add') })));
  };

  redraw(null);
  return root;
}
