/**
 * The leanest parse of the bench CSV (id,name,lng,lat,pm25): split lines, two parseFloat per row,
 * typed arrays out, transferred. No checks, no properties: the cost any parser must pay at least.
 */
self.onmessage = async (event: MessageEvent<File>) => {
  const text = await event.data.text()
  const header = text.slice(0, text.indexOf('\n')).split(',')
  const lngAt = header.indexOf('lng')
  const latAt = header.indexOf('lat')
  const weightAt = header.indexOf('pm25')
  const lines = text.split('\n')
  const positions = new Float32Array((lines.length - 1) * 2)
  const weights = new Float32Array(lines.length - 1)
  let count = 0
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!
    if (line === '') continue
    const cells = line.split(',')
    positions[2 * count] = parseFloat(cells[lngAt]!)
    positions[2 * count + 1] = parseFloat(cells[latAt]!)
    weights[count] = parseFloat(cells[weightAt]!)
    count++
  }
  const result = { positions: positions.slice(0, 2 * count), weights: weights.slice(0, count) }
  self.postMessage(result, { transfer: [result.positions.buffer, result.weights.buffer] })
}
