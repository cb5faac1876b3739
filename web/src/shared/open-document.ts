/**
 * Shows a fetched document: a PDF in a new tab (the browser's viewer prints it), anything
 * else (ZPL for a thermal printer) saved as a file. The tab is opened before the fetch,
 * inside the click, because browsers block pop-ups opened after an await.
 */
export async function openDocument(fetchIt: () => Promise<Blob>, fileName: string) {
  const tab = fileName.endsWith('.pdf') ? window.open('', '_blank') : null;
  try {
    const blob = await fetchIt();
    const url = URL.createObjectURL(blob);
    if (tab) tab.location.href = url;
    else {
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
    }
    // The tab or download has taken the bytes; free them a little later.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (e) {
    tab?.close();
    throw e;
  }
}
