/**
 * Saves a downloaded file under its name: a temporary link to an object URL, revoked right
 * after. The file comes by fetch (cookie, no query in an address the user can copy).
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
