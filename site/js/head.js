// In <head>, before the body is parsed: choose the interface language (the link's
// `lang`, else the browser's languages, else Chinese), how to read the article and, for a link that filters or
// searches, keep the results out of sight until `apply.js` has applied it.
// `jx.lang(l)` is also what the app calls when the reader switches languages.
(() => {
  const h = document.documentElement;
  const p = new URLSearchParams(location.search);
  const pick = (t) => {
    t = (t || '').toLowerCase();
    return t === 'en' || t.startsWith('en-') ? 'en' : t === 'zh' || t.startsWith('zh-') ? 'zh' : '';
  };
  const first = (k) => p.getAll(k).map((v) => v.trim()).find((v) => v) || '';
  let ui = pick(first('lang'));
  for (const t of [...(navigator.languages || []), navigator.language]) ui = ui || pick(t);
  window.jx = {
    ui: ui || 'zh',
    lang(l) {
      jx.ui = l;
      h.lang = l === 'en' ? 'en' : 'zh-CN';
      h.dataset.ui = l;
      const title = document.querySelector('title[data-en]');
      if (title) document.title = title.dataset[l];
      for (const a of ['placeholder', 'title', 'aria-label'])
        for (const e of document.querySelectorAll(`[data-en-${a}]`)) {
          if (!e.hasAttribute(`data-zh-${a}`)) e.setAttribute(`data-zh-${a}`, e.getAttribute(a));
          e.setAttribute(a, e.getAttribute(`data-${l}-${a}`));
        }
    },
  };
  jx.lang(jx.ui);
  // How to read: the link's `read`, else the Chinese for the Chinese interface and both
  // texts for the English one (the stylesheet shows them by `data-read`).
  const read = first('read').toLowerCase();
  h.dataset.read = ['zh', 'en', 'both'].includes(read) ? read : jx.ui === 'en' ? 'both' : 'zh';
  if (['theme', 'platform', 'project', 'q', 'context'].some(first)) h.dataset.linked = '';
})();
