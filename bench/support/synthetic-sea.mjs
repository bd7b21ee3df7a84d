/**
 * Synthetic AIS traffic for the benchmarks: `vessels` Class A vessels spread
 * over the oceans (latitudes 60° S to 60° N), each steaming on a random
 * course at 0-20 kn and reporting every `reportEveryS` seconds, as tagged
 * NMEA made by our own encoder. Seeded, so every run replays the same sea.
 *
 * Within each round every vessel reports once, at its own offset in the
 * round; the lines are in time order. `openOrder: 'shuffled'` gives the first
 * round other offsets, so tracks open in an order unrelated to the order
 * vessels report in afterwards, as in a real feed.
 */

/** A seeded generator (xorshift32). */
export function random(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const tagCache = new Map();

/** The NMEA 4.0 tag block `\s:bench,c:<seconds>*hh\`. */
export function tag(seconds) {
  let s = tagCache.get(seconds);
  if (s === undefined) {
    const body = `s:bench,c:${seconds}`;
    let x = 0;
    for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i);
    s = `\\${body}*${x.toString(16).toUpperCase().padStart(2, '0')}\\`;
    tagCache.set(seconds, s);
  }
  return s;
}

/**
 * Returns `{ chunks, bytes, roundBytes }`: one Buffer of LF-ended lines per
 * round, their total size, and each round's size (so a caller can leave the
 * first rounds untimed).
 */
export function syntheticSea(ais, { vessels, rounds, reportEveryS = 10, openOrder = 'steady', seed = 20180601 + vessels }) {
  const { encodeSentences, positionReportClassA } = ais;
  const rnd = random(seed);
  const lat = new Float64Array(vessels);
  const lon = new Float64Array(vessels);
  const sog = new Float64Array(vessels);
  const cog = new Float64Array(vessels);
  const offset = new Int32Array(vessels);
  for (let i = 0; i < vessels; i++) {
    lat[i] = -60 + rnd() * 120;
    lon[i] = -180 + rnd() * 360;
    sog[i] = Math.round(rnd() * 200) / 10;
    cog[i] = Math.floor(rnd() * 3600) / 10;
    offset[i] = Math.floor(rnd() * reportEveryS * 1000);
  }
  const byOffset = (offsets) => Array.from({ length: vessels }, (_, i) => i).sort((a, b) => offsets[a] - offsets[b]);
  const order = byOffset(offset);
  const firstOffset = openOrder === 'shuffled' ? Int32Array.from({ length: vessels }, () => Math.floor(rnd() * reportEveryS * 1000)) : offset;
  const firstOrder = openOrder === 'shuffled' ? byOffset(firstOffset) : order;
  const t0 = Date.parse('2018-06-01T00:00:00Z');
  const chunks = [];
  const roundBytes = [];
  let bytes = 0;
  for (let round = 0; round < rounds; round++) {
    const lines = [];
    for (const i of round === 0 ? firstOrder : order) {
      const t = t0 + round * reportEveryS * 1000 + (round === 0 ? firstOffset[i] : offset[i]);
      const seconds = Math.floor(t / 1000);
      const metres = sog[i] * (1852 / 3600) * reportEveryS;
      lat[i] += (metres * Math.cos((cog[i] * Math.PI) / 180)) / 111_195;
      lon[i] += (metres * Math.sin((cog[i] * Math.PI) / 180)) / (111_195 * Math.cos((lat[i] * Math.PI) / 180));
      if (lon[i] > 180) lon[i] -= 360;
      if (lon[i] < -180) lon[i] += 360;
      const [sentence] = encodeSentences(
        positionReportClassA({ mmsi: 200_000_000 + i * 7, lat: lat[i], lon: lon[i], sog: sog[i], cog: cog[i], heading: Math.round(cog[i]) % 360, status: 0, second: seconds % 60 }),
      );
      lines.push(`${tag(seconds)}${sentence}`);
    }
    const chunk = Buffer.from(`${lines.join('\n')}\n`, 'latin1');
    chunks.push(chunk);
    roundBytes.push(chunk.length);
    bytes += chunk.length;
  }
  return { chunks, bytes, roundBytes };
}
