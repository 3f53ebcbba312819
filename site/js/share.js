// Handing the article on: a paragraph's link or citation to the clipboard, the shown
// paragraphs as Markdown to copy or download, both as the reader reads the article (a
// citation quotes the original, and adds our English, labelled, when it shows). Where the clipboard is missing or refuses
// (a sandboxed frame, a denied permission), the text opens in a dialog, selected for
// copying by hand: never a silent failure. The words are the page's own (verbatim, the
// missing passage as its marker); the source line and the frame are ours, written by the
// build into the dialog's data-* (site/src/page/status.rs).
(() => {
  const one = (s, at = document) => at.querySelector(s);
  const all = (s, at = document) => Array.from(at.querySelectorAll(s));
  const dlg = one('[data-copy-dialog]');
  const area = one('[data-copy-text]', dlg);
  const en = () => document.documentElement.dataset.ui === 'en';
  const page = () => location.href.split('#')[0];
  // A paragraph's stable link: the page's address without the reader's filters or
  // interface language, and the paragraph's id.
  const stable = (id) => `${location.href.split(/[?#]/)[0]}#${id}`;
  // The source line under a quotation; a photo caption is cited as one.
  const source = (url, caption) =>
    dlg.dataset[(caption ? 'captionSource' : 'source') + (en() ? 'En' : 'Zh')].replace('{url}', url);
  // How the article is read (zh, en, both), and our words in the interface's language.
  const read = () => document.documentElement.dataset.read || 'zh';
  const ours = (k) => dlg.dataset[k + (en() ? 'En' : 'Zh')];
  // An element's words as the reader sees them: not the photo label, not the other
  // interface language; `drop` leaves out the original (.orig) or our English (.tr).
  const words = (e, drop = '.tr') => {
    const c = e.cloneNode(true);
    for (const x of c.querySelectorAll(`.photo-label, ${drop}, ${en() ? '.zh' : '.en'}`)) x.remove();
    return c.textContent.trim();
  };
  // A heading as read: the original, our English, or both.
  const heading = (h) =>
    !one('.tr', h) ? words(h) : ({ zh: words(h), en: words(h, '.orig'), both: `${words(h)} / ${words(h, '.orig')}` })[read()];
  // A block as read; our English is labelled as ours where it stands beside the original.
  const block = (b, label) => {
    const e = document.getElementById(`${b.id}-en`);
    if (read() === 'zh' || !e) return words(b);
    if (read() === 'en' && !label) return words(e);
    return `${words(b)}\n${ours('trLabel')}${words(e)}`;
  };
  const byHand = (text, file) => {
    one('[data-copy-why]', dlg).hidden = !!file;
    one('[data-export-why]', dlg).hidden = !file;
    const a = one('[data-download]', dlg);
    a.hidden = !file;
    if (file) {
      a.href = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
      a.download = file;
    }
    area.value = text;
    if (!dlg.open) dlg.showModal();
    area.focus();
    area.select();
  };
  const copy = (text) => {
    let done;
    try {
      done = navigator.clipboard.writeText(text);
    } catch (e) {
      done = Promise.reject(e);
    }
    done.then(() => {
      const note = one('[data-copied]');
      note.hidden = false;
      setTimeout(() => (note.hidden = true), 2500);
    }, () => byHand(text));
  };
  // The paragraphs the filters keep, under their headings, each with its link.
  const markdown = () => {
    const url = page();
    const note = read() === 'zh' ? '' : `${ours('trNote')}\n\n`;
    let out = `# ${heading(one('h1'))}${ours('excerpts')}\n\n${source(url)}\n\n${note}${words(one('.print-filters'))}\n`;
    for (const s of all('[data-section]')) {
      const kept = all('[data-block][data-match="1"]', s).filter((b) => !b.parentElement.hidden);
      if (!kept.length) continue;
      out += `\n## ${heading(one('h2 > span', s))}\n`;
      for (const b of kept) out += `\n${block(b)}\n\n<${stable(b.id)}>\n`;
    }
    return out;
  };
  const fileName = () =>
    ['金义新区', ...all('[data-chip]:not([hidden])').map((c) => c.dataset.chipValue || one('[data-chip-q]', c).textContent)]
      .join('-')
      .replace(/[\\/:*?"<>|\s]+/g, '') + '.md';
  document.addEventListener('click', (e) => {
    const t = e.target.closest('[data-permalink], [data-cite], [data-export], [data-copy-close]');
    if (!t) return;
    const d = t.dataset;
    // A paragraph's link also goes there: the browser follows it.
    if (d.permalink) copy(stable(d.permalink));
    else if (d.cite) {
      const b = document.getElementById(d.cite);
      copy(`${block(b, true)}\n${source(stable(d.cite), b.tagName === 'FIGURE')}`);
    }
    else if ('export' in d) byHand(markdown(), fileName());
    else dlg.close();
  });
})();
