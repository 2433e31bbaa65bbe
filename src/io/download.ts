/**
 * A file the app made (a PNG, a CSV, a project) handed to the browser's download, through a temporary
 * link; the object URL is revoked once the download has started.
 */
export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
