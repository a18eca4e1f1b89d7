(function () {
  // Before first paint: lets CSS fold away what scripts can reopen (the /cards/ filters on a phone) without a shift.
  document.documentElement.classList.add('js');
  var t;
  try {
    t = localStorage.getItem('theme');
  } catch (e) {}
  if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
})();
