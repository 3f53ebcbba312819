// At the end of <body>, before the first paint of the results: apply a shared link's
// filters with the membership the build wrote on each block (data-theme, data-platform,
// data-project; a value may be named by an alias, `data-also`): values of one of the
// panel's groups (a button's `data-group`: spirit, topic, platform, project) combine with
// OR, the groups with AND, as in the core
// (a browser test checks that both agree on many selections, through `jx.apply`).
// A search needs the app: until it runs, the page says "searching…" rather than show
// the unsearched article as if it were the result.
// The app then hydrates these nodes (Leptos claims them by position and kind): this step
// changes attributes and the text of single text nodes, and never adds or removes a node.
(() => {
  const h = document.documentElement;
  const all = (s, at = document) => Array.from(at.querySelectorAll(s));
  const one = (s) => document.querySelector(s);
  const show = (e, on) => e && (e.hidden = !on);
  const groups = ['spirit', 'topic', 'platform', 'project'];
  jx.apply = (search) => {
    const p = new URLSearchParams(search);
    const buttons = all('button[data-facet]');
    const names = (b) => [b.dataset.value, ...(b.dataset.also || '').split(' ')];
    const asked = (b) => names(b).some((n) => p.getAll(b.dataset.facet).some((v) => v.trim() === n));
    const chosen = groups.map((g) => new Set(buttons.filter((b) => b.dataset.group === g && asked(b)).map((b) => b.dataset.value)));
    const facetOf = groups.map((g) => (buttons.find((b) => b.dataset.group === g) || { dataset: {} }).dataset.facet);
    const picked = (f, v) => chosen.some((c, i) => facetOf[i] === f && c.has(v));
    const q = p.getAll('q').map((v) => v.trim()).find((v) => v) || '';
    // The whole article in context: every block shows, the matches marked.
    const ctx = p.getAll('context').some((v) => v.trim() === '1');
    let total = 0;
    const map = all('[data-map]');
    let at = 0;
    for (const s of all('[data-section]')) {
      let n = 0;
      for (const b of all('[data-block]', s)) {
        const ok = groups.every((g, i) => !chosen[i].size || (b.dataset[facetOf[i]] || '').split(' ').some((v) => chosen[i].has(v)));
        show(b.parentElement, ok || ctx);
        b.dataset.match = ok ? '1' : '0';
        map[at++].toggleAttribute('data-hit', ok);
        n += ok;
      }
      show(s, n > 0 || ctx);
      s.dataset.sectionCount = n;
      s.querySelector('.section-count').firstChild.data = n;
      total += n;
    }
    const any = chosen.some((c) => c.size) || q;
    show(one('[data-banner]'), !any || ctx);
    show(one('[data-empty]'), !total && !ctx);
    one('.article').toggleAttribute('data-context', ctx);
    one('[data-context-toggle]').checked = ctx;
    one('[data-result-count]').dataset.resultCount = total;
    for (const n of all('[data-n]')) n.firstChild.data = total;
    for (const u of all('[data-unit]')) u.firstChild.data = total === 1 ? u.dataset.one : u.dataset.many;
    for (const b of buttons) b.setAttribute('aria-pressed', picked(b.dataset.facet, b.dataset.value));
    for (const c of all('[data-chip-value]')) show(c, picked(c.dataset.chipFacet, c.dataset.chipValue));
    show(one('[data-chip-facet="q"]'), q);
    if (q) one('[data-chip-q]').firstChild.data = q;
    show(one('.clear-all'), any);
    one('#search').value = q;
    if (q) h.dataset.searching = '';
    h.dataset.stale = '';
  };
  // How to read (chosen in <head>): its button pressed until the app takes over.
  for (const b of all('[data-read-choice]')) b.setAttribute('aria-pressed', b.dataset.readChoice === h.dataset.read);
  // The page's attributes are Chinese; only English needs the swap.
  if (jx.ui !== 'zh') jx.lang(jx.ui);
  if ('linked' in h.dataset) jx.apply(location.search);
  delete h.dataset.linked;
})();
