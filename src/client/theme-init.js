(function () {
  var d = document.documentElement;
  var t;
  d.classList.add('js');
  try {
    t = localStorage.getItem('theme');
  } catch (e) {}
  if (t === 'light' || t === 'dark') d.dataset.theme = t;
})();
