// Simboard's page behaviour: theme, shortcuts, quick open, copied links, and the run page's
// transcript tools; htmx (set up in the layout) does the partial updates. Progressive: every
// page works without it. Never inserts HTML built from text; transcript text is only ever
// wrapped as text nodes.
(function () {
	'use strict';

	var announcer = document.getElementById('announcer');

	function announce(message) {
		if (announcer) {
			announcer.textContent = '';
			window.setTimeout(function () { announcer.textContent = message; }, 50);
		}
	}

	function typing(event) {
		var target = event.target;
		return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
	}

	// Theme: flip what is shown now, and remember it.
	function toggleTheme() {
		var root = document.documentElement;
		var current = root.getAttribute('data-theme')
			|| (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
		var next = current === 'dark' ? 'light' : 'dark';
		root.setAttribute('data-theme', next);
		try { window.localStorage.setItem('simboard-theme', next); } catch (e) { /* not remembered */ }
		announce(next === 'dark' ? 'Dark theme' : 'Light theme');
	}

	document.querySelectorAll('.theme-toggle').forEach(function (button) {
		button.addEventListener('click', toggleTheme);
	});

	// A table wider than a phone's screen scrolls inside itself (see the stylesheet): it
	// then takes the keyboard's focus, so it can be scrolled without a pointer too.
	function focusableWhenScrolling() {
		document.querySelectorAll('table.table').forEach(function (table) {
			if (table.scrollWidth > table.clientWidth + 1) {
				table.setAttribute('tabindex', '0');
			} else {
				table.removeAttribute('tabindex');
			}
		});
	}
	focusableWhenScrolling();
	window.addEventListener('resize', focusableWhenScrolling);
	// Tables htmx brings in later (the agent page's flaky list, a live batch).
	document.addEventListener('htmx:afterSettle', focusableWhenScrolling);

	// Shortcuts overlay.
	var dialog = document.getElementById('shortcuts');

	function toggleShortcuts() {
		if (!dialog) { return; }
		if (dialog.open) { dialog.close(); } else { dialog.showModal(); }
	}

	document.querySelectorAll('[data-shortcuts]').forEach(function (button) {
		button.addEventListener('click', toggleShortcuts);
	});

	function review(key) {
		var form = document.getElementById('review');
		var choice = document.querySelector('#review-panel input[data-key="' + key + '"]');
		if (!form || !choice || !/^[apf1-9]$/.test(key)) { return false; }
		choice.checked = true;
		form.requestSubmit();
		return true;
	}

	function follow(selector) {
		var link = document.querySelector(selector);
		if (link) { window.location.href = link.href; }
	}

	document.addEventListener('keydown', function (event) {
		if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) { return; }
		switch (event.key) {
			case '?': toggleShortcuts(); event.preventDefault(); break;
			case '/': {
				var open = document.getElementById('quick-open');
				if (open) { open.focus(); event.preventDefault(); }
				break;
			}
			case 'j': follow('a[data-run-nav="next"]'); break;
			case 'k': follow('a[data-run-nav="previous"]'); break;
			case 't': toggleTheme(); break;
			case 's': {
				var search = document.getElementById('transcript-search');
				if (search) { search.focus(); event.preventDefault(); }
				break;
			}
			case 'n': follow('a[data-run-nav="next-unreviewed"]'); break;
			case 'y': {
				// Takes the suggested review as offered; never done without this key or a click.
				var accept = document.querySelector('[data-accept-suggestion]');
				if (accept) { accept.click(); event.preventDefault(); }
				break;
			}
			default:
				// A review in one stroke: a verdict (a, p, f) or a label (1-9), saved at once.
				if (review(event.key)) { event.preventDefault(); }
				break;
		}
	});

	// htmx refreshes a running batch's counts and table (batch/batch.html). Never swap them
	// away from under someone using the filters or the table: the next refresh will do.
	document.addEventListener('htmx:beforeSwap', function (event) {
		var target = event.detail.target;
		if (target && target.id === 'live' && target.contains(document.activeElement)) {
			event.detail.shouldSwap = false;
		}
	});

	// Copy a permalink (the run's, or one message's), under Simboard's public address when
	// the server names one, so a link copied over an internal address still works for others.
	var publicUrl = document.querySelector('meta[name="simboard-public-url"]');
	var linkBase = publicUrl ? publicUrl.getAttribute('content') : window.location.href;
	document.querySelectorAll('[data-copy]').forEach(function (button) {
		button.addEventListener('click', function () {
			var url = new URL(button.getAttribute('data-copy'), linkBase).href;
			if (navigator.clipboard && window.isSecureContext) {
				navigator.clipboard.writeText(url).then(function () { announce('Link copied'); });
				button.setAttribute('data-copied', 'true');
				window.setTimeout(function () { button.removeAttribute('data-copied'); }, 1500);
			} else {
				window.prompt('Copy this link', url);
			}
		});
	});

	// Very long messages are folded, with a button to show them whole.
	function unfold(turn) {
		if (turn && turn.classList.contains('folded')) {
			turn.classList.remove('folded');
			var button = turn.querySelector('.unfold');
			if (button) { button.textContent = 'Fold this message'; button.setAttribute('aria-expanded', 'true'); }
		}
	}

	document.querySelectorAll('.turn[data-long="true"]').forEach(function (turn) {
		turn.classList.add('folded');
		var button = document.createElement('button');
		button.type = 'button';
		button.className = 'button quiet unfold';
		button.setAttribute('aria-expanded', 'false');
		button.textContent = 'Show the whole message';
		button.addEventListener('click', function () {
			if (turn.classList.contains('folded')) {
				unfold(turn);
			} else {
				turn.classList.add('folded');
				button.textContent = 'Show the whole message';
				button.setAttribute('aria-expanded', 'false');
			}
		});
		turn.appendChild(button);
	});

	function revealTarget() {
		var id = window.location.hash.replace(/^#/, '');
		if (/^m[0-9]{1,6}$/.test(id)) {
			var turn = document.getElementById(id);
			unfold(turn);
			if (turn) { turn.scrollIntoView({ block: 'center' }); }
		}
	}
	window.addEventListener('hashchange', revealTarget);
	revealTarget();

	// Search within the transcript: highlight every match, count them, Enter goes to the next.
	var search = document.getElementById('transcript-search');
	var count = document.getElementById('search-count');
	var marks = [];
	var current = -1;

	function clearMarks() {
		marks.forEach(function (mark) {
			var parent = mark.parentNode;
			parent.replaceChild(document.createTextNode(mark.textContent), mark);
			parent.normalize();
		});
		marks = [];
		current = -1;
	}

	function highlight(needle) {
		var lower = needle.toLowerCase();
		var turns = 0;
		document.querySelectorAll('.chat .turn .text').forEach(function (text) {
			var found = false;
			var walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
			var nodes = [];
			while (walker.nextNode()) { nodes.push(walker.currentNode); }
			nodes.forEach(function (node) {
				var index = node.data.toLowerCase().indexOf(lower);
				while (index >= 0) {
					var match = node.splitText(index);
					node = match.splitText(needle.length);
					var mark = document.createElement('mark');
					match.parentNode.replaceChild(mark, match);
					mark.appendChild(match);
					marks.push(mark);
					found = true;
					index = node.data.toLowerCase().indexOf(lower);
				}
			});
			if (found) { turns++; unfold(text.closest('.turn')); }
		});
		return turns;
	}

	if (search && count) {
		search.addEventListener('input', function () {
			clearMarks();
			var needle = search.value.trim();
			if (needle.length < 2) { count.textContent = ''; return; }
			var turns = highlight(needle);
			count.textContent = marks.length === 0 ? 'No match'
				: marks.length + (marks.length === 1 ? ' match' : ' matches') + ' in ' + turns
					+ (turns === 1 ? ' message' : ' messages');
		});
		search.addEventListener('keydown', function (event) {
			if (event.key === 'Enter' && marks.length > 0) {
				event.preventDefault();
				if (current >= 0) { marks[current].classList.remove('current'); }
				current = (current + 1) % marks.length;
				marks[current].classList.add('current');
				marks[current].scrollIntoView({ block: 'center' });
			}
		});
	}
})();
