/** The bench store's orders feed, every page as text, following next_cursor from the start. */
export async function fetchAllPages(
  store: { url: string; user: string; password: string },
  pageSize: number,
): Promise<string[]> {
  const credential = `${store.user}:${store.password.replace(/\s+/g, '')}`;
  const auth = `Basic ${Buffer.from(credential).toString('base64')}`;
  const texts: string[] = [];
  let cursor = { modified_after: '1970-01-01T00:00:00Z', after_id: 0 };
  for (;;) {
    const q = new URLSearchParams({
      modified_after: cursor.modified_after,
      after_id: String(cursor.after_id),
      limit: String(pageSize),
    });
    const res = await fetch(`${store.url}/wp-json/ecomdir/v1/orders?${q}`, {
      headers: { authorization: auth },
    });
    const text = await res.text();
    texts.push(text);
    const next = (JSON.parse(text) as { next_cursor: typeof cursor | null }).next_cursor;
    if (!next) return texts;
    cursor = next;
  }
}
