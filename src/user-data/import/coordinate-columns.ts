/**
 * The names a delimited file's coordinate columns may have (any case), for the reader
 * (parse-delimited.ts) and for the message when none is found (delimited-problems.ts).
 */
// x/y last: a sheet with both 经度 and a projected "x" column means the degrees.
export const LONGITUDE_NAMES = ['lng', 'lon', 'long', 'longitude', '经度', '东经', 'x'] as const
export const LATITUDE_NAMES = ['lat', 'latitude', '纬度', '北纬', 'y'] as const
export const ACCEPTED_COLUMN_PAIRS = 'lng/lat, lon/lat, long/lat, longitude/latitude, x/y, 经度/纬度, 东经/北纬'
