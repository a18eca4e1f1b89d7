// The embed's theme before first paint (only on the widget's pages): the host page's data-theme, passed by /embed.js
// as ?theme=, else this script's data-default; auto leaves it to the reader's system setting. The values are
// embed-options.ts's (tests/unit/site/embed-theme.test.ts runs this file for each of them).
(function () {
  var m = /[?&]theme=(light|dark|auto)(?:&|$)/.exec(location.search);
  var t = m ? m[1] : document.currentScript.getAttribute('data-default');
  if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
})();
