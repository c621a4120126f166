// The segment editor (config-language.md §3): id, name, and the condition built with the same audience
// builder as a campaign's audience, with the live count of visitors in it; save (PUT) and delete. As the
// campaign editor, it edits the segment's JSON in place, so fields it does not show are kept.
import { api } from '../../api';
import { h } from '../../dom';
import { t } from '../../i18n';
import { link } from '../../router';
import { can } from '../../state';
import { notice } from '../../ui';
import { siteTabs } from '../sites';
import { conditionBuilder } from './builder';
import { lookups } from './campaign';
import { Json, defaultNode } from './condition';
import { liveCount } from './count';
import { Env, at, guardUnsaved, input, wireSaving } from './form';

export async function segmentEditor(site: string, id: string | null): Promise<HTMLElement> {
  const base = `/api/v1/sites/${encodeURIComponent(site)}`;
  const [look, loaded] = await Promise.all([
    lookups(site),
    id === null ? Promise.resolve(null) : api<Json>('GET', `${base}/segments/${encodeURIComponent(id)}`),
  ]);
  const isNew = id === null;
  const model: Json = loaded ?? { id: '', name: '', condition: defaultNode('group', 'audience') };
  // a segment cannot be in itself
  const segments = look.segments.filter((s) => s.id !== id);
  const readonly = !can('editor');
  let dirty = false;
  const m = () => model;

  const form = h('form', { class: 'editor', novalidate: true }) as HTMLFormElement;
  const messages = h('div', { class: 'messages' });
  const title = h('h1', { tabindex: -1, id: 'page-title' }, isNew ? t('ed.segment.new') : (model.name || id));
  const count = liveCount(site, () => model.condition, () => form.querySelector<HTMLElement>('#condition-builder'), 'condition');
  const env: Env = {
    readonly,
    changed(path) {
      dirty = true;
      if (path === 'condition' || path.startsWith('condition.') || path.startsWith('condition[')) count.schedule();
    },
  };

  const saveButton = h('button', { type: 'submit' }, t('common.save'));
  const deleteButton = isNew || readonly ? null : h('button', { type: 'button', class: 'danger' }, t('common.delete'));
  form.append(
    h('section', { class: 'card ed-section', 'aria-labelledby': 'seg-basics-h' },
      h('h2', { id: 'seg-basics-h' }, t('ed.sec.basics')),
      h('div', { class: 'grid' },
        isNew
          ? input(env, { path: 'id', label: t('ed.segment.id'), help: t('ed.id.help'), bind: at(m, ['id']), required: true, parse: (s) => s.trim() })
          : h('div', { class: 'field' }, h('span', { class: 'label' }, t('ed.segment.id')), h('code', { class: 'mono' }, model.id)),
        input(env, { path: 'name', label: t('ed.segment.name'), bind: at(m, ['name']), required: true,
          onInput: () => { if (!isNew) title.textContent = model.name || model.id; } }))),
    h('section', { class: 'card ed-section', 'aria-labelledby': 'seg-cond-h' },
      h('h2', { id: 'seg-cond-h' }, t('ed.segment.condition')),
      h('p', { class: 'help' }, t('ed.segment.lead')),
      h('div', { id: 'condition-builder' },
        conditionBuilder(env, { ...look, segments }, { path: 'condition', place: 'audience', name: t('ed.segment.condition'), bind: at(m, ['condition']) })),
      count.el),
    h('div', { class: 'save-bar' },
      readonly ? h('p', { class: 'muted' }, t('common.readonly')) : saveButton,
      deleteButton,
      h('a', { href: link(`/sites/${encodeURIComponent(site)}/segments`) }, t('ed.backToSegments'))));
  count.schedule();

  wireSaving({
    form, messages, saveButton: saveButton as HTMLButtonElement, deleteButton: deleteButton as HTMLButtonElement | null,
    readonly, isNew, idPath: 'id', id: () => String(model.id ?? '').trim(),
    taken: (target) => look.segments.some((s) => s.id === target), takenMessage: t('ed.id.taken'),
    url: (target) => `${base}/segments/${encodeURIComponent(target)}`, body: () => model,
    savedPath: (target) => `/sites/${encodeURIComponent(site)}/segments/${encodeURIComponent(target)}?saved=1`,
    deletedPath: `/sites/${encodeURIComponent(site)}/segments?deleted=1`,
    deleteQuestion: () => t('ed.segment.delete.confirm', { name: model.name || model.id }),
    clean: () => { dirty = false; },
    afterSave: () => void count.now(),
  });

  const page = h('main', { id: 'main', class: 'editor-page' },
    h('p', { class: 'crumb' }, h('a', { href: link(`/sites/${encodeURIComponent(site)}/segments`) }, t('segments.title'))),
    title,
    siteTabs(site, 'segments', look.info.name),
    readonly ? notice(t('ed.readonly'), 'info') : null,
    new URLSearchParams(location.search).has('saved') ? notice(t('ed.saved')) : null,
    messages, form);
  guardUnsaved(page, () => dirty);
  return page;
}
