#!/usr/bin/env python3
"""Writes the golden answer sets in standards/golden/<standard>/ from the profiles below.

Each golden file is a valid answers file (brand-cli can score it) plus a "golden" section: the
profile in the compact notation, the expected result, and the arithmetic behind it ("worked").
The expected values are computed here by a second, independent implementation of the rules in
shared/DOMAIN.md (Python, exact fractions), written without reference to the Rust core, so the
golden tests compare two implementations. Run after changing a standard or a profile:

    python3 tools/golden.py                 # all: fixture, enterprise, regional; prints a summary table
    python3 tools/golden.py fixture         # only standards/golden/fixture/ (from fixture-programmes.json)

Programmes (spec-programmes.md §2): every listed programme's conditions, status, held, score_ok and
if_unsure_confirmed, and the crosswalk, for the assessment year golden.year (YEAR below). The answers
carry "facts"; golden.expect.programmes holds [{id, status, held, conditions: [{id, status}]}] (the
shape the Rust golden test compares), golden.detail the rest (score_ok, if_unsure_confirmed, each
condition's contradiction / unsure / decided_by / gap, the plan per programme, plan_for, crosswalk),
and golden.worked one line per test. Each set's plan is also applied here and its programme must
then be ready (the §2 property) or the generator stops.

Compact notation, besides questions and gates: a fact id = its value (city=qingdao founded=2015
revenue=2600.50 rd_ratio=3.00, titles=haopin,qy or titles=- for none held); a number fact is written
into the file as exactly the decimal text given.
"""
import json
import os
import re
import sys
from fractions import Fraction as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# The visible-character rule of crates/core/src/visible.rs, as the same explicit list of inclusive
# code-point ranges (not unicodedata, whose Unicode version differs from Rust's): a character is
# visible unless it lies in one of these; a note is evidence only if it has a visible character.
INVISIBLE = [
    (0x0000, 0x0020), (0x007F, 0x00A0), (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C),
    (0x115F, 0x1160), (0x1680, 0x1680), (0x17B4, 0x17B5), (0x180B, 0x180F), (0x2000, 0x200F),
    (0x2028, 0x202F), (0x205F, 0x206F), (0x2800, 0x2800), (0x3000, 0x3000), (0x3164, 0x3164),
    (0xE000, 0xF8FF), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFFB),
    (0xFFFE, 0xFFFF), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF), (0xF0000, 0x10FFFF),
]


def visible(ch):
    c = ord(ch)
    return not any(lo <= c <= hi for lo, hi in INVISIBLE)


def has_visible(text):
    return any(visible(ch) for ch in text)


def half_up(x):
    return int((2 * x.numerator + x.denominator) // (2 * x.denominator))


def tenths(x):
    return half_up(x * 10) / 10


class Std:
    def __init__(self, path):
        raw = open(path, encoding="utf-8").read()
        # Numbers with a fraction part are read exactly (a test's "value": 3.5 is 7/2, never a float).
        self.s = json.loads(raw, parse_float=F)
        self.questions, self.ind_of, self.part_of_ind, self.ind_points = [], {}, {}, {}
        for p in self.s["parts"]:
            for i in p["indicators"]:
                self.ind_points[i["id"]] = i["points"]
                self.part_of_ind[i["id"]] = p["id"]
                for q in i["questions"]:
                    self.questions.append(q)
                    self.ind_of[q["id"]] = i
        self.gates = self.s.get("gates", [])
        self.facts = {f["id"]: f for f in self.s.get("facts", [])}
        self.titles_fact = next((f["id"] for f in self.s.get("facts", []) if f["kind"] == "titles"), "titles")
        self.title_ids = [t["id"] for t in self.s.get("titles", [])]
        self.tier = {t["id"]: t for t in self.s["tiers"]}

    def holds(self, cond, profile):
        return cond is None or profile.get(cond["profile"]) in cond["any_of"]


def expand(std, spec):
    """The compact notation of the tests: sector=x, A1.1=3, A1.*=4e, *=na, G*=yes, Q=note, and
    Q=5n:200B,1F (level 5 with a note of exactly these code points, in hex)."""
    profile, questions, gates, facts = {}, {}, {}, {}
    prof_ids = {p["id"] for p in std.s.get("profile", [])}
    gate_ids = [g["id"] for g in std.gates]
    for tok in spec.split():
        key, val = tok.split("=")
        if key in prof_ids:
            profile[key] = val
            continue
        if key in std.facts:
            # Facts: city=qingdao, founded=2015, revenue=2600.50 (kept as the decimal text),
            # titles=haopin,qy or titles=- (an empty list: "no titles held").
            kind = std.facts[key]["kind"]
            if kind == "titles":
                facts[key] = [] if val == "-" else val.split(",")
            elif kind == "year":
                facts[key] = int(val)
            else:
                facts[key] = val
            continue
        match = (lambda i: i.startswith(key[:-1])) if key.endswith("*") else (lambda i: i == key)
        gmatch = [g for g in gate_ids if match(g)]
        if gmatch and val in ("yes", "no", "unsure"):
            for g in gmatch:
                gates[g] = val
            continue
        qs = [q["id"] for q in std.questions if match(q["id"])]
        assert qs, tok
        for qid in qs:
            e = questions.setdefault(qid, {})
            if val == "na":
                e.pop("level", None)
                e["na"] = True
            elif val == "note":
                e["note"] = "见附件"
            elif "n:" in val:
                level, hexes = val.split("n:")
                e.pop("na", None)
                e["level"] = int(level)
                e["note"] = "".join(chr(int(h, 16)) for h in hexes.split(","))
            else:
                e.pop("na", None)
                e["level"] = int(val.rstrip("e"))
                if val.endswith("e"):
                    e["note"] = "证明材料：" + qid
                else:
                    e.pop("note", None)
    return profile, questions, gates, facts


def assess(std, profile, questions, gates):
    s = std.s
    T = s["total_points"]
    states = {}
    for q in std.questions:
        if not std.holds(q.get("applies_when"), profile):
            states[q["id"]] = ("excluded",)
            continue
        e = questions.get(q["id"], {})
        if e.get("na") and q["na_allowed"]:
            states[q["id"]] = ("na",)
        elif "level" in e:
            L = e["level"]
            counted = 3 if L >= 4 and not has_visible(e.get("note", "")) else L
            states[q["id"]] = ("ans", L, counted)
        else:
            states[q["id"]] = ("open",)
    ind_score, ind_n, ind_best, part_ach, part_app = {}, {}, {}, {}, {}
    applicable, achieved, best = 0, F(0), F(0)
    worked = []
    for p in s["parts"]:
        part_ach[p["id"]], part_app[p["id"]] = F(0), 0
        for i in p["indicators"]:
            split = [states[q["id"]] for q in i["questions"] if states[q["id"]][0] in ("ans", "open")]
            n = len(split)
            ind_n[i["id"]] = n
            if n == 0:
                ind_score[i["id"]] = F(0)
                worked.append(f"{i['id']} {i['points']}: no applicable question, drops out")
                continue
            sm = sum(st[2] for st in split if st[0] == "ans")
            bm = sum(st[2] if st[0] == "ans" else 5 for st in split)
            a = F(i["points"] * sm, 5 * n)
            ind_score[i["id"]] = a
            ind_best[i["id"]] = F(i["points"] * bm, 5 * n)
            applicable += i["points"]
            part_app[p["id"]] += i["points"]
            part_ach[p["id"]] += a
            achieved += a
            best += ind_best[i["id"]]
            lv = ",".join("-" if st[0] == "open" else (f"{st[1]}→3" if st[1] != st[2] else str(st[1])) for st in split)
            worked.append(f"{i['id']} {i['points']} × ({lv} = {sm}) / (5 × {n}) = {float(a):.2f}")
    total = half_up(achieved * T / applicable) if applicable else 0
    mx = half_up(best * T / applicable) if applicable else 0
    worked.append(f"achieved {float(achieved):.3f} of {applicable} applicable points → × {T}/{applicable} = "
                  f"{float(achieved * T / applicable) if applicable else 0:.3f} → total {total} (half up)")

    gstat = {}
    for g in std.gates:
        gstat[g["id"]] = "n/a" if not std.holds(g.get("applies_when"), profile) else gates.get(g["id"], "open")
    met = lambda g: gstat[g] in ("yes", "n/a")

    def guard_ok(t, ach=part_ach):
        pct = t.get("min_part_percent")
        return pct is None or all(part_app[p] == 0 or ach[p] * 100 >= pct * part_app[p] for p in part_app)

    def holds(t, gs=gstat):
        return total >= t["threshold"] and all(gs[g] in ("yes", "n/a") for g in t.get("gates", [])) and guard_ok(t)

    tiers = s["tiers"]
    blocked = [g["id"] for g in std.gates if g.get("blocking") and gstat[g["id"]] == "no"]
    if blocked:
        fixed = dict(gstat, **{g: "yes" for g in blocked})
        hs = [k for k, t in enumerate(tiers) if holds(t, fixed)]
        outcome, nxt = "fix_first", (hs[-1] if hs else 0)
    else:
        hs = [k for k, t in enumerate(tiers) if holds(t)]
        if hs:
            outcome, nxt = tiers[hs[-1]]["id"], (hs[-1] + 1 if hs[-1] + 1 < len(tiers) else None)
        else:
            outcome, nxt = "below_first", 0

    shortfalls, plan = [], None
    if nxt is not None:
        t = tiers[nxt]
        if total < t["threshold"]:
            shortfalls.append(f"points:{t['threshold'] - total}")
        open_g = sorted(set([g for g in t.get("gates", []) if not met(g)] + blocked), key=lambda g: [x["id"] for x in std.gates].index(g))
        if open_g:
            shortfalls.append("gates:" + ",".join(open_g))
        if not guard_ok(t):
            pct = t["min_part_percent"]
            shortfalls.append(f"guard{pct}:" + ",".join(p for p in part_app if part_app[p] and part_ach[p] * 100 < pct * part_app[p]))
        # The plan: questions below 5 in questionnaire order, largest per-level gain first.
        order = {q["id"]: k for k, q in enumerate(std.questions)}
        cands = []
        for q in std.questions:
            st = states[q["id"]]
            if st[0] in ("ans", "open"):
                lvl = st[2] if st[0] == "ans" else 0
                if lvl < 5:
                    i = std.ind_of[q["id"]]
                    cands.append([q["id"], std.part_of_ind[i["id"]], lvl, F(i["points"], 5 * ind_n[i["id"]])])
        cands.sort(key=lambda c: (-c[3], order[c[0]]))
        ach, pach, raised = achieved, dict(part_ach), {}

        def take(c):
            nonlocal ach
            raised.setdefault(c[0], [c[2], c[2], c[3]])
            c[2] += 1
            raised[c[0]][1] = c[2]
            ach += c[3]
            pach[c[1]] += c[3]

        pct = t.get("min_part_percent")
        if pct is not None:
            for p in part_app:
                for c in cands:
                    if c[1] != p:
                        continue
                    while pach[p] * 100 < pct * part_app[p] and c[2] < 5:
                        take(c)
        reached = lambda: (half_up(ach * T / applicable) if applicable else 0) >= t["threshold"]
        for c in cands:
            while not reached() and c[2] < 5:
                take(c)
        after = half_up(ach * T / applicable) if applicable else 0
        gain_t = lambda g: half_up(g * T / applicable * 10) if applicable else 0
        steps = sorted(raised.items(), key=lambda kv: (-gain_t(kv[1][2] * (kv[1][1] - kv[1][0])), order[kv[0]]))
        plan_gates = sorted(set([g for g in t.get("gates", []) if not met(g)] + blocked), key=lambda g: [x["id"] for x in std.gates].index(g))
        plan = {"target": t["id"], "steps": [f"{k}:{v[0]}>{v[1]}" for k, v in steps], "gates": plan_gates,
                "total_after": after, "reachable": after >= t["threshold"] and guard_ok(t, pach)}

    def rule(r):
        if "part_at_least" in r:
            p, pc = r["part_at_least"]["part"], r["part_at_least"]["percent"]
            return part_app[p] > 0 and part_ach[p] * 100 >= pc * part_app[p]
        if "total_at_least" in r:
            return total >= r["total_at_least"]
        if "gate_passed" in r:
            return gstat[r["gate_passed"]] == "yes"
        return std.holds(r["profile"], profile)

    adv = [a["id"] for a in s.get("advisories", []) if all(rule(r) for r in a.get("when", []))]
    capped = [q["id"] for q in std.questions if states[q["id"]][0] == "ans" and states[q["id"]][1] != states[q["id"]][2]]
    return {
        "total": total, "min": total, "max": mx,
        "parts": {p: tenths(part_ach[p]) for p in part_ach},
        "outcome": outcome, "next": tiers[nxt]["id"] if nxt is not None else None,
        "shortfalls": shortfalls, "plan": plan, "evidence_missing": capped, "advisories": adv,
    }, worked, {"states": states, "total": total, "achieved": achieved, "applicable": applicable, "part_ach": part_ach, "part_app": part_app,
                "ind_score": ind_score, "ind_n": ind_n, "gstat": gstat, "guard_ok": guard_ok}


# ---------------------------------------------------------------------------------------------
# Programmes, conditions and the crosswalk (spec-programmes.md §2), from the standard's
# "facts", "titles", "dimensions" and "programmes", the answers' "facts" and the year Y.

YEAR = 2026  # the assessment year Y of every golden set (golden.year)

OPS = {"ge": ("≥", lambda a, b: a >= b), "gt": (">", lambda a, b: a > b),
       "le": ("≤", lambda a, b: a <= b), "lt": ("<", lambda a, b: a < b)}


def show(x):
    """An exact number for the worked lines: 3, 2.5, 2600.05 (never a float's noise)."""
    if isinstance(x, str):
        return x
    x = F(x)
    if x.denominator == 1:
        return str(x.numerator)
    for k in range(1, 12):
        if (x * 10 ** k).denominator == 1:
            sign = "-" if x < 0 else ""
            d = abs(x * 10 ** k).numerator
            return f"{sign}{d // 10 ** k}.{d % 10 ** k:0{k}d}"
    return f"{x.numerator}/{x.denominator}"


def fact_json(std, fid, v):
    """A fact as written into the answers file: choice as a string, year as an integer, a number
    as a JSON number whose text reads back exactly as the decimal given, titles as a list."""
    kind = std.facts[fid]["kind"]
    if kind != "number":
        return v
    return NUM + v + NUM  # written as this exact text (see dumps), so "3.00" stays 3.00


NUM = "\u0001num\u0001"


def dumps(doc):
    """json.dumps, but a number fact is written as the decimal text it was given (2600.50, 3.00)."""
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    mark = json.dumps(NUM)[1:-1]
    return re.sub('"' + re.escape(mark) + r'(-?[0-9]+(?:\.[0-9]+)?)' + re.escape(mark) + '"', r"\1", text)


def check_facts(std, facts, Y):
    """The golden sets carry only valid facts (golden.rs wants no import issue)."""
    for fid, v in facts.items():
        f = std.facts[fid]
        if f["kind"] == "choice":
            assert v in [o["id"] for o in f["options"]], (fid, v)
        elif f["kind"] == "titles":
            assert all(t in std.title_ids for t in v) and len(set(v)) == len(v), (fid, v)
        elif f["kind"] == "year":
            assert 1800 <= v <= 2100 and v <= Y, (fid, v)
        else:
            x = F(v)
            assert F(f.get("min", 0)) <= x <= F(f.get("max", 10 ** 12)), (fid, v)
            assert len(v.split(".")[1]) <= f.get("decimals", 0) if "." in v else True, (fid, v)


def eval_test(std, t, ctx, facts, Y, unsure_yes):
    """One test → (met | not_met | unknown, its input, its gap entry, the worked text)."""
    if "titles_none_of" in t:
        fid = std.titles_fact
        inp, v, want = {"fact": fid}, facts.get(fid), t["titles_none_of"]
        gap = {"fact": fid, "given": v, "none_of": want}
        if v is None:
            return "unknown", inp, gap, f"{fid} not given → unknown"
        hit = [x for x in want if x in v]
        r = "not_met" if hit else "met"
        return r, inp, gap, f"{fid} [{','.join(v)}] holds {'{' + ','.join(hit) + '}' if hit else 'none of {' + ','.join(want) + '}'} → {r}"
    if "fact" in t:
        fid = t["fact"]
        inp, v = {"fact": fid}, facts.get(fid)
        if "any_of" in t:
            gap = {"fact": fid, "given": v, "any_of": t["any_of"]}
            if v is None:
                return "unknown", inp, gap, f"{fid} not given → unknown"
            r = "met" if v in t["any_of"] else "not_met"
            return r, inp, gap, f"{fid} = {v} {'∈' if r == 'met' else '∉'} {{{','.join(t['any_of'])}}} → {r}"
        if "years_at_least" in t:
            n = t["years_at_least"]
            gap = {"fact": fid, "given": v, "years_at_least": n, "year": Y,
                   "years": None if v is None else Y - v, "month_decides": v is not None and Y - v == n}
            if v is None:
                return "unknown", inp, gap, f"{fid} not given → unknown"
            if v > Y:
                return "not_met", inp, gap, f"{fid} {v} is after {Y} → not_met"
            d = Y - v
            r = "met" if d > n else "not_met" if d < n else "unknown"
            rel = ">" if d > n else "<" if d < n else "="
            tail = " (the month decides)" if r == "unknown" else ""
            return r, inp, gap, f"{fid} {v}: {Y} − {v} = {d} {rel} {n} → {r}{tail}"
        sym, cmp = OPS[t["op"]]
        gap = {"fact": fid, "given": None if v is None else fact_json(std, fid, v), "op": t["op"],
               "value": NUM + show(t["value"]) + NUM}
        if v is None:
            return "unknown", inp, gap, f"{fid} not given → unknown"
        r = "met" if cmp(F(v), F(t["value"])) else "not_met"
        return r, inp, gap, f"{fid} {show(v)} {sym} {show(t['value'])}: {'yes' if r == 'met' else 'no'} → {r}"
    if "gate" in t:
        gid = t["gate"]
        st = ctx["gstat"][gid]  # yes / no / unsure / open (unanswered) / n/a (not for this profile)
        raw = st
        if st == "unsure" and unsure_yes:
            st = "yes"
        r = {"yes": "met", "no": "not_met"}.get(st, "unknown")
        ans = {"yes": "yes", "no": "no", "unsure": "unsure", "open": "unanswered", "n/a": "not_applicable"}[raw]
        shown = ans + (" (read as yes)" if st != raw else "")
        return r, {"gate": gid}, {"gate": gid, "answer": ans}, f"gate {gid} {shown} → {r}"
    qid = t["question"]
    st = ctx["states"][qid]
    mf, nb = t.get("met_from"), t.get("not_met_below")
    need = (f"met from {mf}" if mf is not None else "never met") + ", " + (
        f"not met below {nb}" if nb is not None else "never not met")
    if st[0] != "ans":
        state = {"open": "unanswered", "na": "not_applicable", "excluded": "excluded"}[st[0]]
        return "unknown", {"question": qid}, {"question": qid, "counted": None, "state": state, "met_from": mf}, \
            f"{qid} {state} → unknown"
    c = st[2]
    r = "met" if mf is not None and c >= mf else "not_met" if nb is not None and c < nb else "unknown"
    lv = f"{st[1]}→{c}" if st[1] != c else str(c)
    return r, {"question": qid}, {"question": qid, "counted": c, "state": "answered", "met_from": mf}, \
        f"{qid} level {lv} ({need}) → {r}"


def eval_condition(std, c, profile, ctx, facts, Y, unsure_yes):
    if not std.holds(c.get("applies_when"), profile):
        return {"id": c["id"], "status": "not_applicable", "contradiction": False, "unsure": False,
                "decided_by": [], "gap": None}, "applies_when does not hold → not_applicable"
    rs = [eval_test(std, t, ctx, facts, Y, unsure_yes) for t in c["tests"]]
    res = [r[0] for r in rs]
    contradiction = "met" in res and "not_met" in res
    status = "unknown" if contradiction else "met" if "met" in res else "not_met" if "not_met" in res else "unknown"
    decided = []
    for r in rs:
        if (status == "unknown" or r[0] == status) and r[1] not in decided:
            decided.append(r[1])
    unsure = any("gate" in t and ctx["gstat"][t["gate"]] == "unsure" for t in c["tests"])
    if status == "met":
        gap = None
    elif contradiction:
        gap = {"contradiction": {"met": [r[1] for r in rs if r[0] == "met"], "not_met": [r[1] for r in rs if r[0] == "not_met"]}}
    else:
        gap = [r[2] for r in rs if r[0] == status]
    text = "; ".join(r[3] for r in rs) + f" ⇒ {status}" + (" (contradiction)" if contradiction else "") + \
        (" [不确定 gate]" if unsure else "")
    return {"id": c["id"], "status": status, "contradiction": contradiction, "unsure": unsure,
            "decided_by": decided, "gap": gap}, text


def eval_programmes(std, profile, facts, ctx, Y, plans=True):
    expect, detail, worked = [], [], []
    titles = facts.get(std.titles_fact) or []
    total = ctx["total"]
    for p in std.s.get("programmes", []):
        if not std.holds(p.get("applies_when"), profile):
            worked.append(f"programme {p['id']}: applies_when does not hold → not listed")
            continue
        held = p.get("held_as") is not None and p["held_as"] in titles
        tier = std.tier[p["rung"]]
        guard = ctx["guard_ok"](tier)
        score_ok = total >= tier["threshold"] and guard
        line = f"programme {p['id']} {p['title']['zh']}: rung {p['rung']} line {tier['threshold']}, total {total} " \
               f"{'≥' if total >= tier['threshold'] else '<'} {tier['threshold']}"
        if tier.get("min_part_percent") is not None:
            pa, pp = ctx["part_ach"], ctx["part_app"]
            parts = ", ".join(f"{k} {show(F(half_up(pa[k] * 1000 / pp[k]), 10))} %" for k in pa if pp[k])
            line += f"; guard {tier['min_part_percent']} % ({parts}) {'holds' if guard else 'fails'}"
        line += f" → score_ok {str(score_ok).lower()}"
        if held:
            line += f"; held ({p['held_as']} in {std.titles_fact})"
        worked.append(line)

        def run(unsure_yes):
            conds = [eval_condition(std, c, profile, ctx, facts, Y, unsure_yes) for c in p["conditions"]]
            st = [c[0]["status"] for c in conds]
            if "not_met" in st:
                s = "not_eligible"
            elif all(x in ("met", "not_applicable") for x in st) and score_ok:
                s = "ready"
            else:
                s = "open"
            return s, conds

        status, conds = run(False)
        for c, text in conds:
            worked.append(f"  {c['id']}: {text}")
        iuc = run(True)[0] if any(c["unsure"] for c, _ in conds) else None
        worked.append(f"  ⇒ {status}" + (f"; with 不确定 read as yes: {iuc}" if iuc else ""))
        expect.append({"id": p["id"], "status": status, "held": held,
                       "conditions": [{"id": c["id"], "status": c["status"]} for c, _ in conds]})
        detail.append({"id": p["id"], "status": status, "held": held, "score_ok": score_ok,
                       "if_unsure_confirmed": iuc, "conditions": [c for c, _ in conds],
                       "plan": programme_plan(std, p, ctx, [c for c, _ in conds]) if plans else None})
    return expect, detail, worked


def programme_plan(std, p, ctx, conds):
    """The plan for one programme (§2 "Plan per programme"): evidence steps, condition steps,
    practice steps. Returned in golden.detail only; the worked lines keep to the statuses.
    The practice steps start from the answers with the evidence written and the open conditions'
    question inputs closed (to met_from, or the question's floor if higher), and no step ends
    below its question's floor (the highest not_met_below of a question test in a condition that
    applies)."""
    T, app, states = std.s["total_points"], ctx["applicable"], ctx["states"]
    tier = std.tier[p["rung"]]
    per_level = lambda qid: F(std.ind_of[qid]["points"], 5 * ctx["ind_n"][std.ind_of[qid]["id"]])
    scaled_tenths = lambda g: half_up(g * T / app * 10) if app else 0
    evidence, level = [], {}
    for q in std.questions:
        st = states[q["id"]]
        if st[0] == "ans":
            level[q["id"]] = st[1]
            if st[1] != st[2]:
                g = per_level(q["id"]) * (st[1] - st[2])
                evidence.append({"question": q["id"], "level": st[1], "counted": st[2],
                                 "gain": NUM + show(F(scaled_tenths(g), 10)) + NUM})
        elif st[0] == "open":
            level[q["id"]] = 0
    condition_steps = [{"condition": c["id"], "status": c["status"], "gap": c["gap"]}
                       for c in conds if c["status"] in ("not_met", "unknown")]
    tests = {c["id"]: c["tests"] for c in p["conditions"]}
    floor = {}
    for c in conds:
        if c["status"] != "not_applicable":
            for t in tests[c["id"]]:
                if "question" in t and t.get("not_met_below") is not None:
                    floor[t["question"]] = max(floor.get(t["question"], 0), t["not_met_below"])
    for c in condition_steps:
        for t in tests[c["condition"]]:
            if "question" in t and t.get("met_from") is not None and states[t["question"]][0] != "excluded":
                to = max(t["met_from"], floor.get(t["question"], 0))
                if level.get(t["question"], -1) < to:  # unanswered, N/A or below: closed (with a note)
                    level[t["question"]] = to
    # The closed answers scored again (a closed N/A question rejoins its indicator's split).
    ind_n, part_app, pach, ach, app = {}, {}, {}, F(0), 0
    for part in std.s["parts"]:
        part_app[part["id"]], pach[part["id"]] = 0, F(0)
        for i in part["indicators"]:
            n = ind_n[i["id"]] = sum(1 for q in i["questions"] if q["id"] in level)
            if n:
                a = F(i["points"] * sum(level[q["id"]] for q in i["questions"] if q["id"] in level), 5 * n)
                app += i["points"]
                part_app[part["id"]] += i["points"]
                pach[part["id"]] += a
                ach += a
    per_level = lambda qid: F(std.ind_of[qid]["points"], 5 * ind_n[std.ind_of[qid]["id"]])
    scaled_tenths = lambda g: half_up(g * T / app * 10) if app else 0
    order = {q["id"]: k for k, q in enumerate(std.questions)}
    cands = [[qid, std.part_of_ind[std.ind_of[qid]["id"]], lv, per_level(qid)] for qid, lv in level.items() if lv < 5]
    cands.sort(key=lambda c: (-c[3], order[c[0]]))
    raised = {}

    def take(c):
        nonlocal ach
        raised.setdefault(c[0], [c[2], c[2], c[3]])
        step = max(c[2] + 1, floor.get(c[0], 0)) - c[2]  # the first step on a question reaches its floor
        c[2] += step
        raised[c[0]][1] = c[2]
        ach += c[3] * step
        pach[c[1]] += c[3] * step

    pct = tier.get("min_part_percent")
    if pct is not None:
        for part in part_app:
            for c in cands:
                if c[1] == part:
                    while pach[part] * 100 < pct * part_app[part] and c[2] < 5:
                        take(c)
    total_of = lambda: half_up(ach * T / app) if app else 0
    for c in cands:
        while total_of() < tier["threshold"] and c[2] < 5:
            take(c)
    kind = {q["id"]: q.get("kind") for q in std.questions}
    steps = sorted(raised.items(), key=lambda kv: (-scaled_tenths(kv[1][2] * (kv[1][1] - kv[1][0])), order[kv[0]]))
    practice = [{"step": f"{k}:{v[0]}>{v[1]}", "long_term": kind[k] == "result"} for k, v in steps]
    guard = pct is None or all(part_app[x] == 0 or pach[x] * 100 >= pct * part_app[x] for x in part_app)
    return {"evidence": evidence, "conditions": condition_steps, "practice": practice, "total_after": total_of(),
            "reachable": total_of() >= tier["threshold"] and guard}


def close_everything(std, p, plan, profile, questions, gates, facts, Y):
    """The §2 property, checked here on every golden set: apply the plan's evidence and practice
    steps and close every open condition; the programme must then be ready (unless unreachable)."""
    import copy
    qs, gs, fs = copy.deepcopy(questions), dict(gates), copy.deepcopy(facts)
    for e in plan["evidence"]:
        qs[e["question"]]["note"] = "证明材料"
    for st in plan["practice"]:
        qid, lv = st["step"].split(":")
        qs.setdefault(qid, {}).pop("na", None)
        qs[qid]["level"] = int(lv.split(">")[1])
        qs[qid]["note"] = "证明材料"
    conds = {c["id"]: c for c in p["conditions"]}
    # Only the conditions open before the steps: no practice step opens another (a step ends at or
    # above its question's floor, so it never makes a question test not met).
    for step in plan["conditions"]:
        for t in conds[step["condition"]]["tests"]:
            if "gate" in t:
                gs[t["gate"]] = "yes"
            elif "question" in t:
                # To met_from; a test that never says met is only lifted out of not met (to not_met_below).
                need = t.get("met_from", t.get("not_met_below"))
                if need is not None:
                    e = qs.setdefault(t["question"], {})
                    e.pop("na", None)
                    e["level"] = max(e.get("level", 0), need)
                    e["note"] = "证明材料"
            elif "titles_none_of" in t:
                fs[std.titles_fact] = [x for x in fs.get(std.titles_fact, []) if x not in t["titles_none_of"]]
            elif "any_of" in t:
                fs[t["fact"]] = t["any_of"][0]
            elif "years_at_least" in t:
                fs[t["fact"]] = Y - t["years_at_least"] - 1
            else:
                unit = F(1, 10 ** std.facts[t["fact"]].get("decimals", 0))
                v = F(t["value"]) + {"ge": 0, "le": 0, "gt": unit, "lt": -unit}[t["op"]]
                fs[t["fact"]] = show(v)
    _, _, ctx = assess(std, profile, qs, gs)
    got = next(x for x in eval_programmes(std, profile, fs, ctx, Y, plans=False)[0] if x["id"] == p["id"])
    assert got["status"] == "ready" or not plan["reachable"], (p["id"], got)


def default_plan(std, detail):
    """The programme the plan is for by default: the lowest rung (threshold, then file order)
    among the listed programmes that are neither held nor ready; None if there is none."""
    open_ = [(std.tier[p["rung"]]["threshold"], k, p["id"]) for k, p in enumerate(std.s.get("programmes", []))
             for d in detail if d["id"] == p["id"] and not d["held"] and d["status"] != "ready"]
    return min(open_)[2] if open_ else None


def crosswalk(std, ctx):
    rows, worked = [], []
    for d in std.s.get("dimensions", []):
        inds = [i for i in d["indicators"] if ctx["ind_n"][i] > 0]
        app = sum(std.ind_points[i] for i in inds)
        ach = sum((ctx["ind_score"][i] for i in inds), F(0))
        if app == 0:
            rows.append({"id": d["id"], "achieved": "0", "applicable": 0, "fraction": None, "percent": None})
            worked.append(f"crosswalk {d['id']}: no applicable points")
            continue
        r = ach / app
        pct = F(half_up(r * 1000), 10)
        frac = lambda x: str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"
        rows.append({"id": d["id"], "achieved": frac(ach), "applicable": app, "fraction": frac(r),
                     "percent": float(pct)})
        drop = [i for i in d["indicators"] if i not in inds]
        worked.append(f"crosswalk {d['id']} ({'+'.join(inds)}{'; ' + ','.join(drop) + ' drop out' if drop else ''}): "
                      f"{show(ach) if (ach * 10 ** 6).denominator == 1 else f'{float(ach):.3f}'} / {app} = "
                      f"{r.numerator}/{r.denominator} = {show(pct)} %")
    return rows, worked


# Against enterprise 2.0.0. The sets 01–15 are the 1.0.0 sets carried over: question and gate ids
# mapped through the standard's migrations table (python3 tools/golden.py --migrate enterprise), the
# split gates answered as the old one was (G1 → G1a–G1c; G2 → G2L, G2T and the city / founded
# facts), and new or dropped questions filled so that each set still shows what its name says.
# Answers that a condition reads (C4.1 credit, C3.5 losses, B1.7 spot checks, A4.5 trademark,
# B1.6 quality system, B4.1 revenue band, B2.1 R&D band) are kept consistent with the gates and
# facts, except where a set is about a contradiction. 16–24 are new (issue 12).
ENTERPRISE = [
    ("01-startup-nothing-in-place", "A services start-up in its second year: little in place, no registered trademark, "
     "no quality system; 青岛优品（服务业） not eligible (one year operating, 8 staff, trademark).",
     "sector=services A*=0 B*=1 C*=0 A2.5=1 B4.1=1 C3.2=2 C3.5=1 C4.1=2 B1.7=2 city=qingdao founded=2025 revenue=300 "
     "staff=8 titles=- G1*=yes G2L=yes G2T=no G3=yes G3Q=yes G4=no G6=no"),
    ("02-strong-manufacturer-fails-compliance", "A strong manufacturer with a failed official spot check last year: "
     "veto item G1b fails (fix first); the spot-check condition of 青岛优品 and 好品山东 is not met. "
     "山东省高端品牌培育企业 has no such condition and score_ok ignores vetoes, so it reads ready.",
     "sector=manufacturing *=4e B1.*=5e C2.*=5e B3.3=3 B1.7=1e city=qingdao founded=2005 revenue=50000 rd_ratio=5.50 "
     "staff=800 titles=- G*=yes G1b=no"),
    ("03-service-firm-just-above-city-tier", "A Qingdao service firm just above the 500 line with a quality system: "
     "青岛优品（服务业） ready, the provincial programmes open.",
     "sector=services A*=3e B*=3e C*=2 A1.*=2 B3.*=4e C2.4=na C1.*=1 A3.4=4e city=qingdao founded=2015 revenue=6000 "
     "staff=60 titles=- G*=yes G5SN=unsure G6=no"),
    ("04-exactly-on-the-provincial-threshold", "A manufacturer landing exactly on 650 with every basic condition, but a "
     "national market rank below 20th: 好品山东（制造业） not eligible (HP-M-NAT).",
     "sector=manufacturing *=3e A*=4e B1.*=4e C4.*=2 B2.2=4e B2.3=4e C2.2=4e B3.3=4 C2.5=1e C3.2=2 B5.4=4e "
     "city=qingdao founded=2010 revenue=15000 rd_ratio=3.5 staff=300 titles=- G*=yes"),
    ("05-not-applicable-answers", "A domestic manufacturer without after-sales products: B3.3 and C2.4 are not applicable.",
     "sector=manufacturing *=3e B3.3=na C2.4=na B1.*=4e G*=yes G6=no"),
    ("06-level-five-without-evidence", "An enthusiastic self-rater: level 5 everywhere, evidence named for Part A only; "
     "the evidence rule also leaves 好品山东's standard and technology conditions unknown.",
     "sector=manufacturing *=5 A*=5e city=qingdao founded=2010 revenue=30000 rd_ratio=6 staff=500 titles=- G*=yes G6=no"),
    ("07-incomplete", "Half-way through: Part A answered, Parts B and C open, no facts.",
     "sector=agriculture A*=3e A1.1=4e G1a=yes G1b=yes G1c=yes"),
    ("08-agriculture-firm", "A Qingdao agricultural firm with 三品 certification and a regional market: 青岛优品（农业） "
     "ready, 好品山东（农业） open (score).",
     "sector=agriculture A*=3e B*=3e C*=3e B5.4=4e C2.5=3 C2.4=1 city=qingdao founded=2012 revenue=3000 staff=80 "
     "titles=- G*=yes G6=no"),
    ("09-top-manufacturer", "A national leader in Qingdao: every answer at 5 with evidence, every condition met, "
     "every programme ready.",
     "sector=manufacturing *=5e city=qingdao founded=1995 revenue=500000 rd_ratio=8.50 staff=5000 titles=- G*=yes"),
    ("10-800-but-manufacturing-conditions-open", "Above 800 in 济南 (elsewhere in Shandong) but the standard and "
     "technology levels are only 3: 好品山东's manufacturing conditions open; not a Qingdao firm.",
     "sector=manufacturing *=4e A*=5e C1.*=5e B1.2=3e B2.4=3e city=shandong_other founded=2000 revenue=20000 "
     "rd_ratio=5.2 staff=600 titles=- G*=yes"),
    ("11-one-point-below-the-pipeline", "A small manufacturer one point short of the 350 line.",
     "sector=manufacturing *=2 A*=1 C1.*=1 B1.2=3e A5.1=0 G1a=yes G1b=yes G1c=yes G2L=yes G2T=no"),
    ("12-fix-first-and-weak", "A weak firm with a bad-credit record: fix first, then the pipeline; two years of losses; "
     "quality system 不确定, which changes nothing.",
     "sector=services *=1 C4.1=0 C3.5=0 B1.7=2 A4.5=2 G1a=no G1b=yes G1c=yes G2L=yes G2T=yes G3=no G3Q=no G4=unsure"),
    ("13-quality-award-and-brand-value-tracks", "Strong management and results: the quality-award and brand-value "
     "tracks show.",
     "sector=services *=4e A*=4e C*=4e B2.*=3e C2.4=na G*=yes"),
    ("14-pipeline-quality-system-unsure", "A Qingdao service firm in the pipeline band, unsure whether its quality "
     "system counts (G4): still open once confirmed, the score is below the city line.",
     "sector=services *=2 B1.*=3e C1.*=3e city=qingdao founded=2018 revenue=800 staff=55 titles=- G1*=yes G2L=yes "
     "G2T=yes G3Q=yes GQS1=yes GQS2=yes G4=unsure"),
    ("15-invisible-notes", "Level 5 everywhere; the notes of Part A are invisible characters only (controls, zero-width, "
     "fillers), which are no evidence; Part B's carry a visible character among them.",
     "sector=manufacturing *=5e A1.*=5n:1F A2.*=5n:1C A3.*=5n:200B A4.*=5n:3164,20,3000 A5.*=5n:FEFF,2800,115F,FFA0 "
     "B1.*=5n:200B,8BC1,200B B2.*=5n:1F,2E G*=yes"),
    ("16-qingdao-manufacturer-youpin-ready", "A Qingdao manufacturer with R&D 3.4 % and ¥56m revenue: 青岛优品（工业） "
     "ready; the provincial programme and 好品山东 open (score, unproven standard and technology levels).",
     "sector=manufacturing *=3e B4.1=2e city=qingdao founded=2016 revenue=5600 rd_ratio=3.4 staff=260 titles=- "
     "G*=yes G6=no"),
    ("17-jinan-manufacturer-one-percent-rd", "A 济南 manufacturer with 1 % R&D: not eligible for 青岛优品 (registered "
     "outside Qingdao, R&D below 3 %) nor 好品山东 (R&D not above 3 %); the provincial programme ready.",
     "sector=manufacturing *=4e B2.1=1e city=shandong_other founded=2008 revenue=12000 rd_ratio=1.00 staff=400 "
     "titles=- G*=yes"),
    ("18-services-firm-45-staff", "A strong Qingdao services firm with 45 staff: 青岛优品（服务业） not eligible (fewer "
     "than 50), 好品山东（服务业） ready: the programmes are parallel, not a ladder.",
     "sector=services *=4e city=qingdao founded=2009 revenue=9000 staff=45 titles=- G*=yes"),
    ("19-holds-haopin", "A Qingdao manufacturer that already holds 好品山东 (and a well-known trademark): 好品山东 "
     "listed as held, its status still computed (open: standard level unproven), never suggested; the other "
     "programmes ready, so no default plan.",
     "sector=manufacturing *=5e C2.*=4e B1.2=3e city=qingdao founded=1998 revenue=80000 rd_ratio=6.5 staff=3000 "
     "titles=haopin,wellknown_tm G*=yes"),
    ("20-rd-exactly-3.00", "R&D exactly 3.00 % (B2.1 in the 3–5 % band): meets 青岛优品's 不低于 3 % but not 好品山东's "
     "超过 3 % (the fact decides: B2.1's band cannot); the score is above 800 and nothing else of 好品山东 fails.",
     "sector=manufacturing *=4e A*=5e B2.1=3e B4.1=2e city=qingdao founded=2010 revenue=9000 rd_ratio=3.00 staff=300 "
     "titles=- G*=yes"),
    ("21-founded-2023", "Founded 2023, assessed in 2026: three years exactly, so operating ≥ 3 years is unknown (the "
     "month decides) and 青岛优品 stays open; five years for 好品山东 not met.",
     "sector=manufacturing *=4e B4.1=2e city=qingdao founded=2023 revenue=2600 rd_ratio=4 staff=120 titles=- G*=yes"),
    ("22-rd-fact-contradicts-question", "R&D 2.50 % as a fact but B2.1 answered in the 3–5 % band: 青岛优品's R&D "
     "condition is unknown, flagged as a contradiction (the question does not decide 好品山东's > 3 %, the fact does).",
     "sector=manufacturing *=4e B2.1=3e B4.1=2e city=qingdao founded=2015 revenue=2600 rd_ratio=2.50 staff=120 "
     "titles=- G*=yes"),
    ("23-opinion-gate-unsure", "A Qingdao manufacturer meeting everything but unsure about 舆情 (G1d 不确定): "
     "青岛优品 open, ready once confirmed.",
     "sector=manufacturing *=3e B4.1=2e city=qingdao founded=2015 revenue=2600 rd_ratio=3.2 staff=120 titles=- "
     "G*=yes G1d=unsure G6=no"),
    ("24-no-sector-chosen", "Answers and facts but no sector: every programme depends on the sector, so none is listed.",
     "*=4e city=qingdao founded=2015 revenue=2600 rd_ratio=3.2 staff=120 titles=- G*=yes"),
]

# Against regional 2.0.0: 01–15 carried over through the migrations table (RG4 → RG4A, the same
# condition now worded 居全省前列), 16–19 new (issue 12).
REGIONAL = [
    ("01-new-park-nothing-in-place", "A new industrial park: no plan, no body, nothing measured.",
     "region_type=cluster *=0 B1.*=1 RG1=yes RG2=yes RG3=no RG4A=no RG6=no"),
    ("02-gi-area-lopsided", "A famous GI area with strong market results but weak governance: above 800, Part A below 60 %; "
     "the national zone's score_ok fails on the guard.",
     "region_type=agri_gi A*=2e B*=5e C*=5e A3.1=4e location=shandong_other titles=- RG*=yes"),
    ("03-cluster-fails-safety", "An industrial cluster with a major production-safety accident two years ago.",
     "region_type=cluster *=4e RG1=no RG2=yes RG3=yes RG4A=yes"),
    ("04-agri-fails-five-year-window", "An agricultural brand whose product failed a spot check four years ago (five-year "
     "window): fix first; 山东省知名农产品区域公用品牌's safety condition not met.",
     "region_type=agri_gi *=3e RG1B=no RG2=yes RG3=yes RG4A=yes RG5=yes RGA1=no"),
    ("05-tourism-area-just-above-city", "A services and tourism area just above the 500 line.",
     "region_type=services *=3e B2.4=na A3.4=na C*=2e C3.*=2e B5.*=3e C1.1=0 A1.1=2 RG*=yes RG6=no"),
    ("06-exactly-on-the-provincial-threshold", "An industrial cluster in Qingdao landing exactly on 650: 山东省优质产品基地 "
     "ready at the line.",
     "region_type=cluster *=3e A*=4e A2.1=3e B1.*=4e C1.3=4e B4.3=2 C4.2=2 B2.2=2 location=qingdao titles=- RG*=yes RG6=no"),
    ("07-not-applicable-answers", "A tourism area without a certification mark or physical product: A3.4 and B2.4 not applicable.",
     "region_type=services *=3e A3.4=na B2.4=na RG*=yes RG6=no"),
    ("08-level-five-without-evidence", "Level 5 claimed everywhere without naming documents: B1.2 counts 3, still enough "
     "for 全省前列.",
     "region_type=cluster *=5 RG*=yes"),
    ("09-incomplete", "An agricultural brand half-way through: governance answered, the rest open.",
     "region_type=agri_gi A*=3e A3.1=4e RG1B=yes RG2=yes"),
    ("10-national-leader", "A national benchmark cluster in Qingdao: every answer at 5 with evidence, every programme ready.",
     "region_type=cluster *=5e location=qingdao titles=- RG*=yes"),
    ("11-agri-name-protection-missing", "An agricultural area above 650 whose name is not yet protected (RG5 open; the "
     "mark condition of 山东省知名农产品区域公用品牌 not met).",
     "region_type=agri_gi *=4e A3.1=1 A3.4=na RG1B=yes RG2=yes RG3=yes RG4A=yes RG5=no RG6=unsure"),
    ("12-one-point-below-the-pipeline", "A cluster one point short of 350.",
     "region_type=cluster *=2 A1.*=1 A2.*=1 A2.1=0 C1.*=1 C3.2=0 RG1=yes RG2=yes"),
    ("13-gi-valuation-track", "A GI area meeting the valuation reference condition.",
     "region_type=agri_gi *=4e RG*=yes"),
    ("14-pipeline-no-plan-yet", "An agricultural brand with good supporting elements but no approved plan or budget yet (RG3).",
     "region_type=agri_gi *=2 B*=3e RG1B=yes RG2=yes RG3=no"),
    ("15-invisible-notes", "Level 4 everywhere; Part A's notes are only spaces and zero-width or format characters.",
     "region_type=cluster *=4e A*=4n:20,200C,200D,2060 A1.1=4n:E0001,E0020 A2.1=4n:9,A,D,85 RG*=yes"),
    ("16-qingdao-gi-brand", "A Qingdao agricultural / GI brand at the provincial line with every condition met: the "
     "city and provincial agricultural brands ready, 好品山东（区域类） ready, the national zone open (score).",
     "region_type=agri_gi *=4e A*=3e location=qingdao titles=- RG*=yes RG6=no"),
    ("17-holds-provincial-base", "A cluster elsewhere in Shandong that already holds 山东省优质产品基地: held (status "
     "still computed), never suggested; 好品山东（区域类） and the national zone ready.",
     "region_type=cluster *=5e location=shandong_other titles=sd_base RG*=yes"),
    ("18-outside-shandong-unsure", "A services area outside Shandong, unsure about the national zone's creation body "
     "(RGZ1 不确定): the Shandong programmes not eligible; the national zone open, ready once confirmed.",
     "region_type=services *=5e location=outside titles=- RG*=yes RGZ1=unsure"),
    ("19-no-region-type", "No region type chosen: only the programmes open to every region type are listed "
     "(好品山东（区域类）, the national zone).",
     "*=4e location=qingdao titles=- RG*=yes"),
]

FIXTURE = [
    ("01-qingdao-manufacturer-ready", "A Qingdao manufacturer at 800 with every fact and gate in place: 青岛优品（工业）, the provincial "
     "programme and 好品山东 all ready.",
     "sector=manufacturing *=4e city=qingdao founded=2015 revenue=2600.50 rd_ratio=3.20 staff=120 titles=- G*=yes"),
    ("02-jinan-one-percent", "A 济南 manufacturer with 1 % R&D: not eligible for 青岛优品 (city and R&D not met, fact and "
     "question agree), nor for 好品山东 (R&D).",
     "sector=manufacturing *=4e B2.1=1 city=jinan founded=2010 revenue=8000 rd_ratio=1.00 staff=300 titles=- G*=yes"),
    ("03-services-firm", "A Qingdao services firm: 青岛优品（服务业） is listed, the industry one is not; 好品山东's "
     "manufacturing conditions are not applicable.",
     "sector=services *=3e B2.3=4e city=qingdao founded=2012 revenue=1500 staff=51 titles=- G*=yes"),
    ("04-holds-haopin", "A manufacturer that already holds 好品山东 and 青岛优品: both held (status still computed); the "
     "provincial programme's not-yet-好品山东 condition is not met.",
     "sector=manufacturing *=5e city=qingdao founded=2000 revenue=50000 rd_ratio=4.5 staff=2000 titles=haopin,qy G*=yes"),
    ("05-rd-exactly-three", "R&D exactly 3.00 %: meets 青岛优品's ≥ 3 but not 好品山东's > 3.",
     "sector=manufacturing *=4e city=qingdao founded=2015 revenue=2600 rd_ratio=3.00 staff=120 titles=- G*=yes"),
    ("06-founded-three-years-ago", "Founded 2023, assessed in 2026: 3 years exactly, the month decides (unknown); five "
     "years for 好品山东 not met.",
     "sector=manufacturing *=4e city=qingdao founded=2023 revenue=2600 rd_ratio=3.5 staff=120 titles=- G*=yes"),
    ("07-fact-contradicts-question", "R&D 2.50 % as a fact but B2.1 answered 3–5 % with evidence: the condition is "
     "unknown, flagged as a contradiction.",
     "sector=manufacturing *=4e city=qingdao founded=2015 revenue=2600 rd_ratio=2.50 staff=120 titles=- G*=yes"),
    ("08-unsure-opinion-gate", "Everything met but the 舆情 gate is 不确定: conditions open, ready once confirmed.",
     "sector=manufacturing *=4e city=qingdao founded=2015 revenue=2600 rd_ratio=3.2 staff=120 titles=- G*=yes G7=unsure"),
    ("09-no-profile", "No profile and no facts: programmes with a sector condition are not listed; sector-bound "
     "conditions are not applicable; every fact unknown.",
     "*=3e G*=yes"),
    ("10-nothing-given", "A manufacturer with answers but no facts and no gates: every fact, gate and titles test unknown.",
     "sector=manufacturing *=4e"),
    ("11-evidence-rule-and-question-tests", "B2.1 at 4 without a note counts 3 (meets ≥ 3); B1.1 at 1 (not met below 2) "
     "disagrees with gate G4 yes; 好品山东 revenue exactly 2000 (≥ met, > not).",
     "sector=manufacturing *=4e B2.1=4 B1.1=1 city=qingdao founded=2015 revenue=2000 rd_ratio=3.01 staff=120 titles=- G*=yes"),
    ("12-guard-fails", "Above 800 with Part A under 60 %: 好品山东's conditions are met but score_ok fails (the guard) → open.",
     "sector=manufacturing *=5e A*=2e city=qingdao founded=2015 revenue=2600 rd_ratio=3.2 staff=120 titles=- G*=yes"),
    ("13-unsure-and-no", "G7 不确定 and G2 no: not eligible, and still not eligible once 不确定 is confirmed.",
     "sector=manufacturing *=4e city=qingdao founded=2015 revenue=2600 rd_ratio=3.2 staff=120 titles=- G*=yes G2=no G7=unsure"),
    ("14-crosswalk-drop-out", "C2 all N/A: the green dimension has no applicable points; unanswered questions count 0; "
     "B2.1 unanswered leaves 青岛优品's R&D to the fact.",
     "sector=manufacturing A*=3e B1.*=4e C1.*=2 C2.*=na city=other_sd founded=2020 revenue=100.05 rd_ratio=0 staff=0 "
     "titles=sd_high G1=yes G2=yes G4=no"),
    ("15-le-lt-contradiction", "Revenue exactly at the cap (≤ met) but staff exactly at the limit (< not met): "
     "contradiction inside one condition; the provincial programme held.",
     "sector=manufacturing *=4e city=outside founded=1990 revenue=5000000 rd_ratio=100 staff=100000 titles=sd_high G*=yes"),
    ("16-practice-step-floor", "B2.1 unanswered, 青岛优品's R&D met by the fact alone: at 480 one level of B2.1 would "
     "reach 500, but B2.1 at 1 is below its test's not_met_below 3 (a contradiction with the fact); the plan's step "
     "goes to that floor, B2.1 0>3 (540).",
     "sector=manufacturing A*=2 B1.*=5e B2.2=3 C*=2 C1.1=1 city=qingdao founded=2015 revenue=2600 rd_ratio=3.2 "
     "staff=120 titles=- G*=yes"),
]


def write(std_file, profiles, Y=YEAR):
    import hashlib
    path = os.path.join(ROOT, "standards", std_file)
    std = Std(path)
    h = "sha256:" + hashlib.sha256(open(path, "rb").read()).hexdigest()
    out_dir = os.path.join(ROOT, "standards", "golden", std.s["id"])
    os.makedirs(out_dir, exist_ok=True)
    for old in os.listdir(out_dir):
        os.remove(os.path.join(out_dir, old))
    summary = []
    for name, desc, spec in profiles:
        profile, questions, gates, facts = expand(std, spec)
        check_facts(std, facts, Y)
        expect, worked, ctx = assess(std, profile, questions, gates)
        progs, detail, pworked = eval_programmes(std, profile, facts, ctx, Y)
        cw, cworked = crosswalk(std, ctx)
        for p, d in zip([p for p in std.s.get("programmes", []) if std.holds(p.get("applies_when"), profile)], detail):
            close_everything(std, p, d["plan"], profile, questions, gates, facts, Y)
        expect["programmes"] = progs
        doc = {
            "format": "brand-self-check/answers", "version": 2,
            "standard": {"id": std.s["id"], "version": std.s["version"], "hash": h},
            "profile": profile, "questions": questions, "gates": gates,
            "facts": {k: fact_json(std, k, v) for k, v in facts.items()},
            "golden": {"description": desc, "spec": spec, "year": Y, "expect": expect,
                       "detail": {"programmes": detail, "plan_for": default_plan(std, detail), "crosswalk": cw},
                       "worked": worked + pworked + cworked},
        }
        with open(os.path.join(out_dir, name + ".json"), "w", encoding="utf-8") as f:
            f.write(dumps(doc) + "\n")
        summary.append((std.s["id"], name, expect["total"], expect["outcome"],
                        " ".join(f"{p['id']}={p['status']}{'(held)' if p['held'] else ''}" for p in progs) or "-"))
    return summary


SETS = {"fixture": ("golden/fixture-programmes.json", FIXTURE), "enterprise": ("enterprise.json", ENTERPRISE),
        "regional": ("regional.json", REGIONAL)}


def table(rows):
    w = [max(len(str(r[k])) for r in rows) for k in range(4)]
    print(f"{'standard':<{w[0]}}  {'file':<{w[1]}}  {'total':>5}  {'tier':<{w[3]}}  programmes")
    for r in rows:
        print(f"{r[0]:<{w[0]}}  {r[1]:<{w[1]}}  {r[2]:>5}  {r[3]:<{w[3]}}  {r[4]}")


def try_spec(key, spec, Y=YEAR):
    """--try: score one compact spec without writing anything (for writing and tuning sets)."""
    std = Std(os.path.join(ROOT, "standards", SETS[key][0]))
    profile, questions, gates, facts = expand(std, spec)
    check_facts(std, facts, Y)
    expect, worked, ctx = assess(std, profile, questions, gates)
    progs, detail, pworked = eval_programmes(std, profile, facts, ctx, Y)
    print("\n".join(worked + pworked))
    print(json.dumps({k: v for k, v in expect.items() if k != "plan"}, ensure_ascii=False))
    return std, expect


def near(key, target, spec):
    """--near: single extra tokens (Q=L, Q=Le) that bring the spec's total to exactly target."""
    std = Std(os.path.join(ROOT, "standards", SETS[key][0]))
    for q in std.questions:
        for tok in [f"{q['id']}={L}" for L in range(4)] + [f"{q['id']}={L}e" for L in (4, 5)]:
            profile, questions, gates, _ = expand(std, spec + " " + tok)
            if assess(std, profile, questions, gates)[0]["total"] == target:
                print(tok)


def migrate(key, frm="1.0.0"):
    """--migrate: the sets' specs with question and gate ids mapped through the standard's
    migrations table (from 1.0.0); a token whose id maps to null is dropped and shown."""
    std = Std(os.path.join(ROOT, "standards", SETS[key][0]))
    m = next(x for x in std.s.get("migrations", []) if x["from"] == frm)
    table_ = dict(m.get("questions", {}), **m.get("gates", {}))
    for name, _, spec in SETS[key][1]:
        out, dropped = [], []
        for tok in spec.split():
            k, v = tok.split("=")
            if k in table_:
                if table_[k] is None:
                    dropped.append(tok)
                    continue
                k = table_[k]
            out.append(f"{k}={v}")
        print(name, "\n  ", " ".join(out), "\n   dropped:", " ".join(dropped) or "-")


def selftest(key, n=300, Y=YEAR):
    """--selftest: random answers, facts and gates; checks that a condition never reads met from an
    input never given, unanswered or 不确定, that a contradiction is unknown, and the §2 property."""
    import random
    rnd = random.Random(12)
    std = Std(os.path.join(ROOT, "standards", SETS[key][0]))
    prof = std.s.get("profile", [])
    for _ in range(n):
        toks = [f"{p['id']}={rnd.choice(p['options'])['id']}" for p in prof if rnd.random() < 0.9]
        for q in std.questions:
            r = rnd.random()
            if r < 0.8:
                toks.append(f"{q['id']}={rnd.randint(0, 5)}{'e' if rnd.random() < 0.7 else ''}")
            elif r < 0.85 and q["na_allowed"]:
                toks.append(f"{q['id']}=na")
        for g in std.gates:
            if rnd.random() < 0.9:
                toks.append(f"{g['id']}={rnd.choice(['yes', 'yes', 'no', 'unsure'])}")
        for fid, f in std.facts.items():
            if rnd.random() < 0.2:
                continue
            if f["kind"] == "choice":
                toks.append(f"{fid}={rnd.choice(f['options'])['id']}")
            elif f["kind"] == "year":
                toks.append(f"{fid}={rnd.randint(Y - 8, Y)}")
            elif f["kind"] == "titles":
                ts = [t for t in std.title_ids if rnd.random() < 0.2]
                toks.append(f"{fid}={','.join(ts) or '-'}")
            else:
                hi = min(int(f.get("max", 10 ** 6)), 6000)
                d = f.get("decimals", 0)
                toks.append(f"{fid}={show(F(rnd.randint(0, hi * 10 ** d), 10 ** d))}")
        profile, questions, gates, facts = expand(std, " ".join(toks))
        _, _, ctx = assess(std, profile, questions, gates)
        _, detail, _ = eval_programmes(std, profile, facts, ctx, Y)
        for d, p in zip(detail, [p for p in std.s.get("programmes", []) if std.holds(p.get("applies_when"), profile)]):
            for c in d["conditions"]:
                assert not c["contradiction"] or c["status"] == "unknown"
                if c["status"] == "met":
                    for i in c["decided_by"]:
                        if "fact" in i:
                            assert i["fact"] in facts
                        elif "gate" in i:
                            assert gates.get(i["gate"]) == "yes"
                        else:
                            assert ctx["states"][i["question"]][0] == "ans"
            close_everything(std, p, d["plan"], profile, questions, gates, facts, Y)
    print(f"selftest {key}: {n} random answer sets, all checks hold")


if __name__ == "__main__":
    # python3 tools/golden.py [fixture|enterprise|regional ...]   (default: all three)
    #         tools/golden.py --try enterprise "sector=services *=3e ..."
    #         tools/golden.py --near enterprise 650 "sector=manufacturing *=3e ..."
    #         tools/golden.py --migrate enterprise
    #         tools/golden.py --selftest [fixture|enterprise|regional]
    if sys.argv[1:2] == ["--try"]:
        try_spec(sys.argv[2], sys.argv[3])
        sys.exit()
    if sys.argv[1:2] == ["--near"]:
        near(sys.argv[2], int(sys.argv[3]), sys.argv[4])
        sys.exit()
    if sys.argv[1:2] == ["--selftest"]:
        for key in sys.argv[2:] or list(SETS):
            selftest(key)
        sys.exit()
    if sys.argv[1:2] == ["--migrate"]:
        migrate(sys.argv[2])
        sys.exit()
    which = sys.argv[1:] or list(SETS)
    rows = []
    for key in which:
        f, profiles = SETS[key]
        rows += write(f, profiles)
    table(rows)
