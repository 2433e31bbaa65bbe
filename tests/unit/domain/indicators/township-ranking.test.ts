import { describe, expect, it } from 'vitest'
import { rankAreas, sortRanking, type RankingEntry } from '../../../../src/domain/indicators/township-ranking'
import { competitionRank } from '../../../../src/domain/indicators/competition-rank'

const entry = (code: string, value: unknown, name = `镇${code}`): RankingEntry => ({ code, name, value })
const ranks = (entries: RankingEntry[]) => rankAreas(entries).map((row) => [row.code, row.rank])

describe('rankAreas', () => {
  it('ranks the largest value first', () => {
    expect(ranks([entry('1', 3), entry('2', 10), entry('3', 7)])).toEqual([
      ['2', 1],
      ['3', 2],
      ['1', 3],
    ])
  })

  it('gives ties one rank and skips the ranks they take (1, 2, 2, 4)', () => {
    expect(ranks([entry('1', 5), entry('2', 9), entry('3', 5), entry('4', 1)])).toEqual([
      ['2', 1],
      ['1', 2],
      ['3', 2],
      ['4', 4],
    ])
    // Three-way tie at the top: all first, the next is fourth.
    expect(ranks([entry('1', 2), entry('2', 2), entry('3', 2), entry('4', 0)]).map(([, r]) => r)).toEqual([1, 1, 1, 4])
  })

  it('puts a township without a number last, unranked, however small the others are', () => {
    const rows = rankAreas([
      entry('1', null),
      entry('2', 0),
      entry('3', 'pilot-area'),
      entry('4', Number.NaN),
      entry('5', -2),
      entry('6', Infinity),
      entry('7', undefined),
    ])
    expect(rows.map((row) => [row.code, row.rank, row.value])).toEqual([
      ['2', 1, 0],
      ['5', 2, -2],
      ['1', null, null],
      ['3', null, null],
      ['4', null, null],
      ['6', null, null],
      ['7', null, null],
    ])
  })

  it('orders ties and unranked townships by their statistical code', () => {
    expect(rankAreas([entry('330703103', 4), entry('330703001', 4)]).map((row) => row.code)).toEqual([
      '330703001',
      '330703103',
    ])
  })

  it('orders the unranked by code too, whatever order they came in', () => {
    const rows = rankAreas([
      entry('9', null),
      entry('3', 'pilot-area'),
      entry('5', 2),
      entry('1', Number.NaN),
      entry('4', 2),
    ])
    expect(rows.map((row) => [row.code, row.rank])).toEqual([
      ['4', 1],
      ['5', 1],
      ['1', null],
      ['3', null],
      ['9', null],
    ])
  })

  it('keeps each township’s name, and returns nothing for no townships', () => {
    expect(rankAreas([entry('1', 1, '曹宅镇')])[0]).toEqual({ code: '1', name: '曹宅镇', value: 1, rank: 1 })
    expect(rankAreas([])).toEqual([])
  })
})

describe('competitionRank (the tooltip’s rank)', () => {
  it('is one more than the number of larger values, of all the values that are numbers', () => {
    const values = [5, 9, 5, 1, null, 'pilot-area', Number.NaN]
    expect([5, 9, 1].map((v) => competitionRank(v, values))).toEqual([
      { rank: 2, of: 4 },
      { rank: 1, of: 4 },
      { rank: 4, of: 4 },
    ])
  })

  it('ranks no value that is not a number', () => {
    expect(competitionRank(null, [1, 2])).toBeNull()
    expect(competitionRank('pilot-area', [1, 2])).toBeNull()
    expect(competitionRank(Infinity, [1, Infinity])).toBeNull()
  })

  it('agrees with the table’s ranks', () => {
    const entries = [entry('1', 5), entry('2', 9), entry('3', 5), entry('4', 0), entry('5', null)]
    const values = entries.map((e) => e.value)
    for (const row of rankAreas(entries)) expect(row.rank).toBe(competitionRank(row.value, values)?.rank ?? null)
  })
})

describe('sortRanking', () => {
  const rows = rankAreas([entry('1', 5, 'b'), entry('2', null, 'a'), entry('3', 9, 'c'), entry('4', 5, 'd')])
  const compare = (a: string, b: string) => a.localeCompare(b)
  const codes = (key: 'rank' | 'name', direction: 'ascending' | 'descending') =>
    sortRanking(rows, key, direction, compare).map((row) => row.code)

  it('by rank: best first ascending, worst first descending, the unranked last both ways', () => {
    expect(codes('rank', 'ascending')).toEqual(['3', '1', '4', '2'])
    expect(codes('rank', 'descending')).toEqual(['1', '4', '3', '2'])
  })

  it('by name, in either direction, unranked townships among the others', () => {
    expect(codes('name', 'ascending')).toEqual(['2', '1', '3', '4'])
    expect(codes('name', 'descending')).toEqual(['4', '3', '1', '2'])
  })

  it('by rank, with several unranked townships: those last by code, in either direction and from any order', () => {
    // Codes interleaved: the unranked 1 and 4 sort below ranked codes and above others.
    const mixed = rankAreas([entry('4', null), entry('2', 3), entry('1', undefined), entry('5', 7), entry('3', 3)])
    for (const given of [mixed, [...mixed].reverse(), sortRanking(mixed, 'name', 'descending', compare)]) {
      const order = (direction: 'ascending' | 'descending') =>
        sortRanking(given, 'rank', direction, compare).map((row) => row.code)
      // Ascending: 1st, then joint 2nd by code; descending: joint 2nd by code, then 1st.
      expect(order('ascending')).toEqual(['5', '2', '3', '1', '4'])
      expect(order('descending')).toEqual(['2', '3', '5', '1', '4'])
    }
  })

  it('by name: townships whose names the collation calls equal are ordered by code, both ways', () => {
    // E.g. two townships with the same pinyin, compared without regard to case.
    const sameName = rankAreas([entry('7', 1, 'Lingxia'), entry('2', 5, 'lingxia'), entry('5', null, 'LINGXIA')])
    const caseless = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' })
    for (const direction of ['ascending', 'descending'] as const) {
      expect(sortRanking(sameName, 'name', direction, caseless).map((row) => row.code)).toEqual(['2', '5', '7'])
      expect(sortRanking([...sameName].reverse(), 'name', direction, caseless).map((row) => row.code)).toEqual([
        '2',
        '5',
        '7',
      ])
    }
  })

  it('leaves the rows it was given unchanged', () => {
    const before = rows.map((row) => row.code)
    sortRanking(rows, 'name', 'descending', compare)
    expect(rows.map((row) => row.code)).toEqual(before)
  })
})
