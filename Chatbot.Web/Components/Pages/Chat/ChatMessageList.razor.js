// Auto-scroll: follow new content only while the reader is near the bottom.
// Copy: one delegated handler for the Copy buttons the server renders before code blocks.
const nearBottomPx = 80;

export function attach(list) {
    let following = true;
    list.addEventListener('scroll', () => {
        following = list.scrollHeight - list.scrollTop - list.clientHeight < nearBottomPx;
    });
    new MutationObserver(() => {
        if (following) {
            list.scrollTop = list.scrollHeight;
        }
    }).observe(list, { childList: true, subtree: true, characterData: true });

    list.addEventListener('click', async event => {
        const button = event.target.closest('.copy-code');
        if (!button) {
            return;
        }
        const code = button.parentElement.querySelector('pre');
        try {
            await navigator.clipboard.writeText(code ? code.innerText : '');
            button.textContent = 'Copied';
        } catch {
            button.textContent = 'Copy failed';
        }
        setTimeout(() => { button.textContent = 'Copy'; }, 1500);
    });
}
