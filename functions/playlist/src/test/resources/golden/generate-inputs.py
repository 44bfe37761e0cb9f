import json, os, copy
BASE = os.path.dirname(os.path.abspath(__file__))  # run: python3 generate-inputs.py, then mvn test -Dgolden.update=true
T0 = 1764100000000  # 2025-11-25T19:46:40Z
SID = "st_abcdefghijklmnopqrst"
A = "20251125T194640Z-aaaaaaaa"
B = "20251125T195000Z-bbbbbbbb"

def video(name, w, h, kbps, seq_in_session, dur=2.0, ts=90000, codecs=None, fps=30.0, off=0):
    return {"size": int(kbps*1000*dur/8), "bandwidth": int(kbps*1000*1.1), "codecs": codecs or ("avc1.64001f" if h>=720 else "avc1.4d401e"),
            "width": w, "height": h, "frameRate": fps, "timescale": ts,
            "decodeTime": int(round(seq_in_session*2.0*ts)) + off, "durationTs": int(round(dur*ts))}

def audio(seq_in_session, dur=2.0):
    # AAC frames of 1024 samples at 48 kHz: decodeTime on the sample grid
    return {"size": int(128000*dur/8), "bandwidth": 130000, "codecs": "mp4a.40.2", "width": 0, "height": 0, "frameRate": 0,
            "timescale": 48000, "decodeTime": seq_in_session*96000, "durationTs": int(round(dur*48000))}

def seg(seq, session, first_seq, captured, dur=2.0, status="OK", last=False, rends=("source","720p","360p"), aud=True, src=(1920,1080), srcts=90000, off=0, fps=30.0, ordinal=None):
    i = seq - first_seq
    r = {}
    if status == "OK":
        for n in rends:
            if n == "source": r[n] = video("source", src[0], src[1], 6000, i, dur, ts=srcts, codecs="avc1.640028", off=off, fps=fps)
            if n == "720p": r[n] = video(n, 1280, 720, 2800, i, dur, off=off, fps=fps)
            if n == "360p": r[n] = video(n, 640, 360, 800, i, dur, off=off, fps=fps)
    s = {"seq": seq, "sessionId": session, "status": status, "discontinuity": seq == first_seq, "last": last,
         "duration": dur, "startMs": int(i*2000), "capturedAt": captured, "targetDurationMs": 2000, "renditions": r}
    if status == "OK" and aud:
        s["audio"] = audio(i, dur)
    if ordinal is not None:
        s["sessionOrdinal"] = ordinal
    return s

def write(case, inp):
    d = os.path.join(BASE, case); os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "input.json"), "w") as f:
        json.dump(inp, f, indent=2); f.write("\n")

def req(now, **kw):
    r = {"streamId": SID, "now": now}
    r.update(kw); return r

cfg = {"private": False, "dvrWindowS": 0, "segmentDurationMs": 2000}
# 1 first segment
segs = [seg(0, A, 0, T0)]
write("first-segment", {"description": "the first segment of a stream's first session: live, nothing to slide yet",
  "request": req(T0+3000), "config": cfg, "sessions": [{"sessionId": A, "firstSeq": 0, "startedAtMs": T0}], "segments": segs})
# 2 window slide
segs = [seg(s, B, 90, T0+ (s)*2000, off=135000, fps=29.97) for s in range(100, 110)]
write("window-slide", {"description": "a long-running second session: 6-segment window over seq 104..109, one discontinuity slid out before it",
  "request": req(T0+110*2000+1000), "config": cfg,
  "sessions": [{"sessionId": A, "firstSeq": 0, "startedAtMs": T0}, {"sessionId": B, "firstSeq": 90, "startedAtMs": T0+90*2000}],
  "segments": segs})
# 3 reconnect: A 20..23 last, B 24..26 with a 720p source and source timescale 1000 (remux of FLV timestamps)
segsA = [seg(s, A, 0, T0+s*2000, last=(s==23)) for s in range(20, 24)]
tB = T0 + 24*2000 + 1500
segsB = [seg(s, B, 24, tB+(s-24)*2000, rends=("source","360p"), src=(1280,720), srcts=1000) for s in range(24, 27)]
write("reconnect", {"description": "the encoder reconnects: session A ends at 23, session B starts at 24 with a smaller source; discontinuity, new init, new Period",
  "request": req(tB+3*2000+800), "config": cfg,
  "sessions": [{"sessionId": A, "firstSeq": 0, "startedAtMs": T0}, {"sessionId": B, "firstSeq": 24, "startedAtMs": tB}],
  "segments": segsA+segsB})
# 4 gap: 42 failed for good (status GAP), 44 never arrived
segs = []
for s in range(40, 48):
    if s == 45: continue
    segs.append(seg(s, A, 0, T0+s*2000, status="GAP" if s == 43 else "OK"))
write("gap", {"description": "seq 43 failed for good (STATUS=GAP) and seq 45 never arrived while 46 did long ago: both listed as EXT-X-GAP",
  "request": req(T0+47*2000+2000+4500), "config": cfg, "sessions": [{"sessionId": A, "firstSeq": 0, "startedAtMs": T0}], "segments": segs})
# 5 end
segs = [seg(s, A, 0, T0+s*2000, last=(s==5), dur=(1.6 if s == 5 else 2.0)) for s in range(0, 6)]
write("end", {"description": "the session ended (LAST on seq 5, shorter final segment): ENDLIST and a static MPD",
  "request": req(T0+14000), "config": cfg, "sessions": [{"sessionId": A, "firstSeq": 0, "startedAtMs": T0}], "segments": segs})
# 6 dvr clip
segs = [seg(s, A, 0, T0+s*2000) for s in range(0, 40)]
write("dvr-clip", {"description": "time-shift clip ?start=&end= over a stream keeping 1 h of DVR: a VOD playlist over seq 10..14, no copying",
  "request": req(T0+40*2000+500, start=T0+20000, end=T0+30000), "config": {"private": False, "dvrWindowS": 3600, "segmentDurationMs": 2000},
  "sessions": [{"sessionId": A, "firstSeq": 0, "startedAtMs": T0}], "segments": segs})
# 7 private
segs = [seg(s, A, 0, T0+s*2000) for s in range(0, 3)]
write("private", {"description": "a private stream: the verified token is repeated on every URI (media playlists, init, segments)",
  "request": req(T0+3*2000+500, token="1764200000.Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg"), "config": {"private": True, "dvrWindowS": 0, "segmentDurationMs": 2000},
  "sessions": [{"sessionId": A, "firstSeq": 0, "startedAtMs": T0}], "segments": segs})
# 8 audio only
segs = [seg(s, A, 0, T0+s*2000, rends=()) for s in range(0, 4)]
write("audio-only", {"description": "an audio-only stream: the audio playlist is the only variant, no RESOLUTION, audio AdaptationSet only",
  "request": req(T0+4*2000+500), "config": cfg, "sessions": [{"sessionId": A, "firstSeq": 0, "startedAtMs": T0}], "segments": segs})
# 9 vod of a live session (EVENT)
segs = [seg(s, A, 0, T0+s*2000) for s in range(0, 8)]
write("vod-live-session", {"description": "/vod/{stream}/{session}/ of the session still live: every segment from its start, EXT-X-PLAYLIST-TYPE:EVENT, ../../live/ URIs",
  "request": req(T0+8*2000+500, sessionId=A), "config": cfg, "sessions": [{"sessionId": A, "firstSeq": 0, "startedAtMs": T0}], "segments": segs})
# 10 stale
segs = [seg(s, A, 0, T0+s*2000) for s in range(0, 6)]
write("stale", {"description": "the encoder vanished without ending the session: newest segment older than 3 target durations (3 x 3 s), answered as ended",
  "request": req(T0+6*2000+10000), "config": cfg, "sessions": [{"sessionId": A, "firstSeq": 0, "startedAtMs": T0}], "segments": segs})
# 11 gap in an ended session: the static MPD cuts the session into one Period per gap-free stretch
segs = [seg(s, A, 0, T0+s*2000, status="GAP" if s == 3 else "OK", last=(s == 7)) for s in range(0, 8)]
write("gap-ended", {"description": "/vod/ of an ended session whose seq 3 failed for good: EXT-X-GAP in HLS, two Periods in the static MPD (0..2 and 4..7) so no $Number$ names a missing file",
  "request": req(T0+8*2000+5000, sessionId=A), "config": cfg, "sessions": [{"sessionId": A, "firstSeq": 0, "startedAtMs": T0}], "segments": segs})
# 12 session records expired: the discontinuity sequence comes from the items' session ordinal
segs = [seg(s, B, 90, T0+(s)*2000, off=135000, fps=29.97, ordinal=2) for s in range(100, 110)]
write("expired-sessions", {"description": "as window-slide, but both session records expired by TTL: EXT-X-DISCONTINUITY-SEQUENCE 2 from the items' sessionOrdinal, the Period start from the first listed segment",
  "request": req(T0+110*2000+1000), "config": cfg, "sessions": [], "segments": segs})
