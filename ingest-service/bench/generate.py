#!/usr/bin/env python3
"""Deterministic synthetic 1-minute bars (random walk, seed 42) as CSV and NDJSON chunks."""
import json, random, sys, os

total, chunk, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
os.makedirs(out, exist_ok=True)
rng = random.Random(42)
start = 1_577_836_800  # 2020-01-01T00:00:00Z
price = 100.0
full = open(os.path.join(out, "all.csv"), "w")
full.write("ts,open,high,low,close,volume\n")
for c in range(total // chunk):
    with open(os.path.join(out, f"bars-{c:03d}.csv"), "w") as csv, open(os.path.join(out, f"bars-{c:03d}.ndjson"), "w") as nd:
        csv.write("ts,open,high,low,close,volume\n")
        for i in range(c * chunk, (c + 1) * chunk):
            o = price
            cl = max(1.0, o * (1 + rng.gauss(0, 0.001)))
            hi, lo = max(o, cl) * 1.0005, min(o, cl) * 0.9995
            v = rng.randint(1, 5000)
            ts = start + 60 * i
            iso = f"{ts}000000000"
            line = f"{iso},{o:.4f},{hi:.4f},{lo:.4f},{cl:.4f},{v}\n"
            csv.write(line)
            full.write(line)
            nd.write(json.dumps({"ts": int(iso), "open": round(o, 4), "high": round(hi, 4), "low": round(lo, 4), "close": round(cl, 4), "volume": v}) + "\n")
            price = cl
full.close()
