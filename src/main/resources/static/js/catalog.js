// The catalog's index searched as the reader types: the form's query sent to the JSON
// listing and facet counts as it changes, the list and the filters' counts redrawn, and
// the address kept in step so that a search can be shared. Without this script the form
// still works: the browser asks for the page again.
(function () {
	'use strict';
	const form = document.querySelector('form[data-search]');
	if (!form || !window.fetch) {
		return;
	}
	const list = document.getElementById('patterns');
	const summary = document.getElementById('summary');
	const pages = document.querySelector('nav.pages');
	let latest = 0;
	let timer = null;

	const element = window.Page.element;

	function query() {
		const parameters = new URLSearchParams(new FormData(form));
		[...parameters.keys()].filter((key) => parameters.get(key) === '').forEach((key) => parameters.delete(key));
		return parameters;
	}

	async function json(url) {
		const answer = await fetch(url, { headers: { Accept: 'application/json' } });
		const body = await answer.json();
		if (!answer.ok) {
			throw new Error(body.detail || answer.statusText);
		}
		return body;
	}

	function counts(select, values) {
		const chosen = select.value;
		const options = [element('option', 'any', { value: '' })];
		values.forEach((count) => options.push(element('option', count.value + ' (' + count.count + ')',
				{ value: count.value })));
		if (chosen && !values.some((count) => count.value === chosen)) {
			options.push(element('option', chosen + ' (0)', { value: chosen }));
		}
		select.replaceChildren(...options);
		select.value = chosen;
	}

	function show(page) {
		list.replaceChildren(...page.items.map((item) => {
			const line = element('li');
			line.appendChild(element('a', item.title, { href: '/api/patterns/' + encodeURIComponent(item.id) }));
			line.appendChild(element('span', [item.id, item.category, item.language, item.tags.join(', ')].join(' · '),
					{ class: 'meta' }));
			return line;
		}));
		summary.textContent = page.total + ' patterns';
		summary.classList.remove('errors');
		if (pages) {
			pages.replaceChildren(...pageLinks(page));
		}
	}

	// the links to the pages before and after, as the index page draws them
	function pageLinks(page) {
		const count = Math.max(1, Math.ceil(page.total / page.size));
		const link = (number, rel, text) => {
			const parameters = query();
			parameters.set('size', page.size);
			parameters.set('page', number);
			return element('a', text, { href: '/api/patterns?' + parameters, rel: rel });
		};
		const parts = [];
		if (page.page > 0) {
			parts.push(link(page.page - 1, 'prev', 'previous'), ' · ');
		}
		parts.push('page ' + (page.page + 1) + ' of ' + count);
		if (page.page + 1 < count) {
			parts.push(' · ', link(page.page + 1, 'next', 'next'));
		}
		return parts;
	}

	async function search() {
		const parameters = query();
		const ticket = ++latest;
		try {
			const [page, facets] = await Promise.all([json('/api/patterns?' + parameters),
				json('/api/facets?' + parameters)]);
			if (ticket !== latest) {
				return;
			}
			show(page);
			counts(form.elements.category, facets.categories);
			counts(form.elements.language, facets.languages);
			counts(form.elements.tag, facets.tags);
			history.replaceState(null, '', '/api/patterns' + (parameters.toString() ? '?' + parameters : ''));
		}
		catch (error) {
			if (ticket === latest) {
				// a query the search cannot read: its problem's detail says why
				summary.textContent = error.message;
				summary.classList.add('errors');
			}
		}
	}

	form.elements.q.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(search, 250);
	});
	['category', 'language', 'tag'].forEach((name) => form.elements[name].addEventListener('change', search));
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		clearTimeout(timer);
		search();
	});
})();
