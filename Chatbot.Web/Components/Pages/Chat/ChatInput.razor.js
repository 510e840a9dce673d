const maxHeightPx = 200;

function resize(textarea) {
    textarea.style.height = 'auto';
    textarea.style.height = Math.min(textarea.scrollHeight, maxHeightPx) + 'px';
}

export function attach(form, textarea) {
    textarea.addEventListener('input', () => resize(textarea));
    textarea.addEventListener('keydown', event => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            // Let Blazor's oninput binding land before the submit reads the text.
            textarea.dispatchEvent(new Event('input', { bubbles: true }));
            form.requestSubmit();
        }
    });
}

export function reset(textarea) {
    textarea.value = '';
    resize(textarea);
}
