// A document's page made easier to read: its code highlighted (highlight.js, from the
// WebJar), the same example in several languages as tabs, a copy button on every code
// block, and a table of contents of its sections. Without this script the page is the
// whole document, as rendered.
(function () {
	'use strict';
	const article = document.querySelector('article');
	if (!article) {
		return;
	}

	const element = window.Page.element;

	function language(pre) {
		const code = pre.querySelector('code');
		const match = code && /language-([\w+#-]+)/.exec(code.className);
		return match ? match[1] : 'text';
	}

	// "**Python:**" before a block names it, as the documents write their examples
	function label(pre) {
		const before = pre.previousElementSibling;
		return (before && before.tagName === 'P' && before.children.length === 1
				&& before.firstElementChild.tagName === 'STRONG' && /:$/.test(before.textContent.trim())) ? before : null;
	}

	function highlight() {
		if (window.hljs) {
			article.querySelectorAll('pre code[class*="language-"]').forEach((code) => window.hljs.highlightElement(code));
		}
	}

	function copyButtons() {
		article.querySelectorAll('pre').forEach((pre) => {
			const button = element('button', 'Copy', { type: 'button', class: 'copy', 'aria-label': 'Copy this code' });
			button.addEventListener('click', async () => {
				try {
					await navigator.clipboard.writeText(pre.querySelector('code').textContent);
					button.textContent = 'Copied';
				}
				catch (error) {
					button.textContent = 'Select and copy';
				}
				setTimeout(() => { button.textContent = 'Copy'; }, 2000);
			});
			pre.prepend(button);
		});
	}

	// consecutive blocks, each maybe after its label, are one example in several languages
	function groups() {
		const found = [];
		let current = null;
		article.querySelectorAll(':scope > pre').forEach((pre) => {
			const start = label(pre) || pre;
			if (current && start.previousElementSibling === current[current.length - 1]) {
				current.push(pre);
			}
			else {
				current = [pre];
				found.push(current);
			}
		});
		return found.filter((group) => new Set(group.map(language)).size > 1);
	}

	function tabs() {
		groups().forEach((group, g) => {
			const list = element('div', null, { role: 'tablist', class: 'tabs', 'aria-label': 'Languages' });
			group.forEach((pre, i) => {
				const name = label(pre) ? label(pre).textContent.trim().replace(/:$/, '') : language(pre);
				if (label(pre)) {
					label(pre).hidden = true;
				}
				pre.id = pre.id || 'example-' + g + '-' + i;
				pre.setAttribute('role', 'tabpanel');
				const tab = element('button', name, { type: 'button', role: 'tab', 'aria-controls': pre.id,
					'data-language': language(pre), 'aria-selected': String(i === 0) });
				pre.hidden = i !== 0;
				tab.addEventListener('click', () => {
					list.querySelectorAll('[role=tab]').forEach((other) => {
						const selected = other === tab;
						other.setAttribute('aria-selected', String(selected));
						document.getElementById(other.getAttribute('aria-controls')).hidden = !selected;
					});
				});
				list.appendChild(tab);
			});
			(label(group[0]) || group[0]).before(list);
		});
	}

	function contents() {
		const headings = [...article.querySelectorAll('h2[id]')];
		if (headings.length < 2) {
			return;
		}
		const nav = element('nav', null, { class: 'toc', 'aria-label': 'Contents' });
		nav.appendChild(element('strong', 'Contents'));
		const list = element('ol');
		headings.forEach((heading) => {
			const item = element('li');
			item.appendChild(element('a', heading.textContent, { href: '#' + heading.id }));
			list.appendChild(item);
		});
		nav.appendChild(list);
		const title = article.querySelector('h1');
		(title || article.firstElementChild).after(nav);
	}

	highlight();
	tabs();
	copyButtons();
	contents();
})();
