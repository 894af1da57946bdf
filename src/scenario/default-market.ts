/**
 * The market a platform gets when its scenario declares none: every platform's stores and anchors
 * share a bounded pool of attention, never an unbounded one. Its shoppers are China's online
 * shoppers as CNNIC counts them (docs/sources/platform-buyers.md, section 4), and each pays farm
 * products about half a visit a day, where national-agri's fitted platforms sit (Alibaba 0.43,
 * JD 0.58, Pinduoduo 0.5). An assumption for a platform without figures of its own: it overstates
 * a small platform's pool, so a scenario about one should declare its `market`.
 */
export const DEFAULT_MARKET = {
  visitsPerShopper: 0.5,
  shoppers: [
    { date: '2015-12-31', people: 413_000_000 },
    { date: '2016-12-31', people: 467_000_000 },
    { date: '2017-12-31', people: 533_000_000 },
    { date: '2018-12-31', people: 610_000_000 },
    { date: '2019-06-30', people: 639_000_000 },
    { date: '2020-03-31', people: 710_000_000 },
    { date: '2020-06-30', people: 749_000_000 },
    { date: '2020-12-31', people: 782_000_000 },
  ],
} as const;
