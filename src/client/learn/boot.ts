// Learning features on card pages, at load: the only script a card page runs besides the header search box. It has
// one job, to import the quiz code (quiz.ts) on the reader's first interaction with a quiz (pointer over it, focus
// in it, a key or a click), and hands it that event: quiz.ts wires every quiz of the page, replays a click or key
// that arrived before it did, and announces each answer as a `ftc:quiz-answered` event on `document` (detail
// `{ card, choice, correct }`). Everything else lives in quiz.ts because this file is on the budget of every card page
// and of the island pages (tests/build/budgets.test.ts): keep it a few lines. A learner feature that needs to act
// on load adds its own line here; one that reacts to answers listens for the event.
for (const type of ['pointerover', 'focusin', 'keydown', 'click'])
  addEventListener(type, (event) => {
    if ((event.target as Element).closest?.('[data-quiz]')) import('./quiz.ts').then((m) => m.start(event));
  });
