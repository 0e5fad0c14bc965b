#!/usr/bin/env python3
"""Content checks for the shipped standards (format 1 with the issue-12 additions).

Usage: tools/content_check.py [-q] [--old REV] [standards/enterprise.json standards/regional.json]
       tools/content_check.py --scenarios   (reads the programmes through a few personas)

Checks what a content editor can get wrong and the Rust validator may not say in content terms:
JSON parses; ids unique; points add up; every reference resolves (profile options, facts, options,
gates, questions, tiers, titles, indicators, parts); every text has zh and en; every level list has
6 entries; tiers ascend and accumulate gates; every source has cite_en; no text says 候选 /
candidate; programme tests have the right shape for their fact's kind and stay within its bounds;
application documents name known programmes, and each proof (one shape: a condition of a listed
programme, a gate, or a question with a level 1-5) resolves; a warning when a document lists a
programme it neither proves a condition of nor cites a source of (by URL or the programme's name);
the migration table names every question and gate id of the old version (the newest copy in the
file's git history, at or before REV (default HEAD), whose version is the table's "from") and maps
only onto ids that exist. Prints a points table.
Exit status 1 on any error; warnings do not fail.
"""
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ID_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
TAGS = {"C", "M", "I", "D", "NF"}
BOUNDS = {"facts": 16, "titles": 32, "dimensions": 8, "programmes": 32, "migrations": 16,
          "gates": 64, "tiers": 16, "profile": 16, "advisories": 32, "documents": 64}
FACT_KINDS = {"choice", "year", "number", "titles"}
ISSUERS = {"self", "third_party", "government"}
PERIODS = {"current", "last_year", "last_3_years", "last_5_years"}
DOC_KEYS = {"id", "name", "help", "issuer", "period", "programmes", "proves", "sources"}
MAX_DOC_PROGRAMMES, MAX_PROOFS = 32, 16


class Report:
    def __init__(self, name):
        self.name, self.errors, self.warnings = name, [], []

    def err(self, path, msg):
        self.errors.append(f"{path}: {msg}")

    def warn(self, path, msg):
        self.warnings.append(f"{path}: {msg}")


def is_text(o):
    return isinstance(o, dict) and set(o) == {"zh", "en"}


def walk(o, path="$"):
    yield path, o
    if isinstance(o, dict):
        for k, v in o.items():
            yield from walk(v, f"{path}.{k}")
    elif isinstance(o, list):
        for i, v in enumerate(o):
            yield from walk(v, f"{path}[{i}]")


def check_text(r, path, o, required=True):
    if o is None:
        if required:
            r.err(path, "missing text")
        return
    if not is_text(o):
        r.err(path, "text must be exactly {zh, en}")
        return
    for lang in ("zh", "en"):
        if not isinstance(o[lang], str) or not o[lang].strip():
            r.err(f"{path}.{lang}", "empty")


def unique(r, path, items, key="id"):
    seen = set()
    for i, it in enumerate(items):
        v = it.get(key)
        if not isinstance(v, str) or not ID_RE.match(v):
            r.err(f"{path}[{i}].{key}", f"bad id {v!r}")
        elif v in seen:
            r.err(f"{path}[{i}].{key}", f"duplicate id {v}")
        seen.add(v)
    return seen


def old_version(path, rev, version):
    """The newest committed copy of the file (at or before `rev`) whose version is `version`."""
    rel = Path(path).resolve().relative_to(ROOT)
    try:
        commits = subprocess.check_output(["git", "-C", str(ROOT), "log", "--format=%H", rev, "--", str(rel)],
                                          stderr=subprocess.DEVNULL, text=True).split()
    except subprocess.CalledProcessError:
        return None
    for c in commits:
        try:
            out = json.loads(subprocess.check_output(["git", "-C", str(ROOT), "show", f"{c}:{rel}"], stderr=subprocess.DEVNULL))
        except (subprocess.CalledProcessError, json.JSONDecodeError):
            continue
        if out.get("version") == version:
            return out
    return None


def questions_of(std):
    for p in std.get("parts", []):
        for ind in p.get("indicators", []):
            for q in ind.get("questions", []):
                yield p, ind, q


def check(path, old_rev):
    r = Report(path)
    try:
        std = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        r.err(path, f"does not parse: {e}")
        return r, None

    # --- bounds
    for k, n in BOUNDS.items():
        if len(std.get(k, [])) > n:
            r.err(f"$.{k}", f"{len(std[k])} entries, at most {n}")

    # --- texts: every {zh,en}-shaped or text-named object; sources
    for p, o in walk(std):
        if isinstance(o, dict) and ("zh" in o or "en" in o) and not is_text(o):
            r.err(p, "text must have exactly zh and en")
        if is_text(o):
            check_text(r, p, o)
        if isinstance(o, dict) and "cite" in o:
            if o.get("tag") not in TAGS:
                r.err(p, f"bad tag {o.get('tag')!r}")
            if not str(o.get("cite_en", "")).strip():
                r.err(p, f"source without cite_en: {o['cite']}")
        if isinstance(o, str) and (("候选" in o) or ("candidate" in o.lower())):
            r.err(p, f"says 候选/candidate: {o[:60]}")

    # --- profile
    profile = {}
    for i, pq in enumerate(std.get("profile", [])):
        profile[pq["id"]] = unique(r, f"$.profile[{i}].options", pq.get("options", []))
    unique(r, "$.profile", std.get("profile", []))

    def cond(path, c):
        if c is None:
            return
        opts = profile.get(c.get("profile"))
        if opts is None:
            r.err(path, f"unknown profile {c.get('profile')}")
            return
        if not c.get("any_of"):
            r.err(path, "empty any_of")
        for o in c.get("any_of", []):
            if o not in opts:
                r.err(path, f"unknown option {o}")

    # --- parts, indicators, questions, points
    unique(r, "$.parts", std.get("parts", []))
    indicators, questions = {}, {}
    parts_sum = 0
    radar = 0
    for pi, p in enumerate(std.get("parts", [])):
        pp = f"$.parts[{pi}]"
        check_text(r, f"{pp}.title", p.get("title"))
        radar += 1 if p.get("radar") else 0
        parts_sum += p["points"]
        isum = 0
        for ii, ind in enumerate(p.get("indicators", [])):
            ip = f"{pp}.indicators[{ii}]"
            if ind["id"] in indicators:
                r.err(ip, f"duplicate indicator {ind['id']}")
            indicators[ind["id"]] = ind
            isum += ind["points"]
            if not ind.get("sources"):
                r.err(ip, "indicator without sources")
            qs = ind.get("questions", [])
            if not 1 <= len(qs) <= 24:
                r.err(ip, f"{len(qs)} questions (1..=24)")
            for qi, q in enumerate(qs):
                qp = f"{ip}.questions[{qi}]"
                if not ID_RE.match(q["id"]):
                    r.err(qp, f"bad id {q['id']}")
                if q["id"] in questions:
                    r.err(qp, f"duplicate question {q['id']}")
                questions[q["id"]] = q
                if q.get("kind") not in ("practice", "result"):
                    r.err(qp, f"bad kind {q.get('kind')}")
                check_text(r, f"{qp}.text", q.get("text"))
                if len(q.get("levels", [])) != 6:
                    r.err(f"{qp}.levels", f"{len(q.get('levels', []))} levels, need 6")
                cond(f"{qp}.applies_when", q.get("applies_when"))
                for bi, b in enumerate(q.get("bands", [])):
                    cond(f"{qp}.bands[{bi}].when", b.get("when"))
                    if len(b.get("levels", [])) != 6:
                        r.err(f"{qp}.bands[{bi}].levels", "need 6 levels")
        if isum != p["points"]:
            r.err(pp, f"indicators sum to {isum}, part says {p['points']}")
    if parts_sum != std.get("total_points"):
        r.err("$.total_points", f"parts sum to {parts_sum}, total says {std.get('total_points')}")
    if radar > 1:
        r.err("$.parts", "more than one part has radar: true")

    # --- facts, titles
    facts = {}
    unique(r, "$.facts", std.get("facts", []))
    for fi, f in enumerate(std.get("facts", [])):
        fp = f"$.facts[{fi}]"
        facts[f["id"]] = f
        if f.get("kind") not in FACT_KINDS:
            r.err(fp, f"bad kind {f.get('kind')}")
        check_text(r, f"{fp}.text", f.get("text"))
        if f.get("kind") == "choice":
            if not f.get("options"):
                r.err(fp, "choice without options")
            unique(r, f"{fp}.options", f.get("options", []))
        if f.get("kind") == "number":
            if not (0 <= f.get("decimals", 0) <= 2):
                r.err(fp, "decimals must be 0..=2")
            if f.get("min", 0) > f.get("max", 0):
                r.err(fp, "min above max")
            check_text(r, f"{fp}.unit", f.get("unit"))
    titles = unique(r, "$.titles", std.get("titles", []))
    for ti, tt in enumerate(std.get("titles", [])):
        if not tt.get("sources"):
            r.err(f"$.titles[{ti}]", "title without sources")
    if std.get("titles") and not any(f.get("kind") == "titles" for f in facts.values()):
        r.err("$.facts", "titles listed but no titles fact")

    # --- gates
    gates = {}
    unique(r, "$.gates", std.get("gates", []))
    for gi, g in enumerate(std.get("gates", [])):
        gates[g["id"]] = g
        cond(f"$.gates[{gi}].applies_when", g.get("applies_when"))
        if not g.get("sources"):
            r.err(f"$.gates[{gi}]", "gate without sources")

    # --- tiers
    tiers = {}
    unique(r, "$.tiers", std.get("tiers", []))
    prev = None
    for ti, tr in enumerate(std.get("tiers", [])):
        tp = f"$.tiers[{ti}]"
        tiers[tr["id"]] = tr
        for g in tr.get("gates", []):
            if g not in gates:
                r.err(tp, f"unknown gate {g}")
        if prev is not None:
            if tr["threshold"] <= prev["threshold"]:
                r.err(tp, "threshold does not ascend")
            missing = set(prev.get("gates", [])) - set(tr.get("gates", []))
            if missing:
                r.err(tp, f"does not include the tier below's gates {sorted(missing)}")
        prev = tr

    # --- advisories
    part_ids = {p["id"] for p in std.get("parts", [])}
    unique(r, "$.advisories", std.get("advisories", []))
    for ai, a in enumerate(std.get("advisories", [])):
        for wi, w in enumerate(a.get("when", [])):
            wp = f"$.advisories[{ai}].when[{wi}]"
            if "gate_passed" in w and w["gate_passed"] not in gates:
                r.err(wp, f"unknown gate {w['gate_passed']}")
            if "part_at_least" in w and w["part_at_least"]["part"] not in part_ids:
                r.err(wp, "unknown part")
            if "profile" in w:
                cond(wp, w["profile"])

    # --- programmes
    unique(r, "$.programmes", std.get("programmes", []))
    for pi, pr in enumerate(std.get("programmes", [])):
        pp = f"$.programmes[{pi}]"
        check_text(r, f"{pp}.title", pr.get("title"))
        if pr.get("rung") not in tiers:
            r.err(pp, f"unknown rung {pr.get('rung')}")
        if "held_as" in pr and pr["held_as"] not in titles:
            r.err(pp, f"unknown title {pr['held_as']}")
        cond(f"{pp}.applies_when", pr.get("applies_when"))
        if not pr.get("sources"):
            r.err(pp, "programme without sources")
        if not pr.get("window"):
            r.warn(pp, "no window note")
        elif "当年通知" not in pr["window"]["zh"] or "this year's notice" not in pr["window"]["en"]:
            r.err(f"{pp}.window", "must say 以当年通知为准 / check this year's notice")
        if not pr.get("conditions"):
            r.err(pp, "programme without conditions")
        unique(r, f"{pp}.conditions", pr.get("conditions", []))
        for ci, c in enumerate(pr.get("conditions", [])):
            cp = f"{pp}.conditions[{ci}]"
            check_text(r, f"{cp}.text", c.get("text"))
            if c.get("tag") not in TAGS:
                r.err(cp, f"bad tag {c.get('tag')}")
            if not c.get("sources"):
                r.err(cp, "condition without sources")
            cond(f"{cp}.applies_when", c.get("applies_when"))
            tests = c.get("tests", [])
            if not 1 <= len(tests) <= 4:
                r.err(cp, f"{len(tests)} tests (1..=4)")
            for xi, x in enumerate(tests):
                check_test(r, f"{cp}.tests[{xi}]", x, facts, gates, questions, titles, pr, c)

    # --- documents (申报材料): references resolve; the programmes a document lists are backed
    check_documents(r, std, gates, questions)

    # --- dimensions
    unique(r, "$.dimensions", std.get("dimensions", []))
    for di, dm in enumerate(std.get("dimensions", [])):
        for i in dm.get("indicators", []):
            if i not in indicators:
                r.err(f"$.dimensions[{di}]", f"unknown indicator {i}")
        if not dm.get("sources"):
            r.err(f"$.dimensions[{di}]", "dimension without sources")

    # --- migrations
    for mi, m in enumerate(std.get("migrations", [])):
        mp = f"$.migrations[{mi}]"
        old = old_version(path, old_rev, m.get("from"))
        if old is None:
            r.warn(mp, f"no committed copy of version {m.get('from')} found; ids not checked against it")
        for k, v in m.get("questions", {}).items():
            if v is not None and v not in questions:
                r.err(f"{mp}.questions.{k}", f"maps onto unknown question {v}")
        for k, v in m.get("gates", {}).items():
            if v is not None and v not in gates:
                r.err(f"{mp}.gates.{k}", f"maps onto unknown gate {v}")
        if old is not None:
            oq = {q["id"] for _, _, q in questions_of(old)}
            og = {g["id"] for g in old.get("gates", [])}
            # An old id that still exists carries over unchanged when not listed; one that is gone must
            # be listed (mapped, or null), or its answer would read as unknown instead of changed.
            for missing in sorted(oq - set(m.get("questions", {})) - set(questions)):
                r.err(f"{mp}.questions", f"old question {missing} not listed")
            for extra in sorted(set(m.get("questions", {})) - oq):
                r.err(f"{mp}.questions", f"{extra} is not a question of {m['from']}")
            for missing in sorted(og - set(m.get("gates", {})) - set(gates)):
                r.err(f"{mp}.gates", f"old gate {missing} not listed")
            # a carried id must have kept its kind and its level count (a cheap guard, not a proof)
            for k, v in m.get("questions", {}).items():
                if v is not None:
                    oqq = next(q for _, _, q in questions_of(old) if q["id"] == k)
                    if oqq["kind"] != questions[v]["kind"]:
                        r.err(f"{mp}.questions.{k}", "carried across a change of kind")
    return r, std


def programme_name(pr):
    """The programme's name without its sector, as sources cite it: 青岛优品（工业） → 青岛优品."""
    return pr.get("title", {}).get("zh", "").split("（")[0].strip()


def check_documents(r, std, gates, questions):
    progs = {pr["id"]: pr for pr in std.get("programmes", []) if isinstance(pr.get("id"), str)}
    docs = std.get("documents", [])
    unique(r, "$.documents", docs)
    for di, d in enumerate(docs):
        dp = f"$.documents[{di}]"
        for k in sorted(set(d) - DOC_KEYS):
            r.err(dp, f"unknown field {k}")
        # texts that are objects are checked with every other text above; here only missing or non-objects
        if not isinstance(d.get("name"), dict):
            check_text(r, f"{dp}.name", d.get("name"))
        if d.get("help") is not None and not isinstance(d["help"], dict):
            check_text(r, f"{dp}.help", d["help"])
        if d.get("issuer") not in ISSUERS:
            r.err(f"{dp}.issuer", f"bad issuer {d.get('issuer')!r} (one of {sorted(ISSUERS)})")
        if d.get("period") not in PERIODS:
            r.err(f"{dp}.period", f"bad period {d.get('period')!r} (one of {sorted(PERIODS)})")
        listed = []
        ps = d.get("programmes", [])
        if not ps:
            r.err(f"{dp}.programmes", "no programme")
        if len(ps) > MAX_DOC_PROGRAMMES:
            r.err(f"{dp}.programmes", f"{len(ps)} entries, at most {MAX_DOC_PROGRAMMES}")
        for pi, pid in enumerate(ps):
            if pid not in progs:
                r.err(f"{dp}.programmes[{pi}]", f"unknown programme {pid}")
            elif pid in listed:
                r.err(f"{dp}.programmes[{pi}]", f"{pid} listed twice")
            else:
                listed.append(pid)
        proves = d.get("proves", [])
        if len(proves) > MAX_PROOFS:
            r.err(f"{dp}.proves", f"{len(proves)} entries, at most {MAX_PROOFS}")
        proved = set()  # programmes with a condition this document proves
        seen = []
        for vi, v in enumerate(proves):
            vp = f"{dp}.proves[{vi}]"
            if not isinstance(v, dict):
                r.err(vp, "a proof must be an object")
                continue
            if v in seen:
                r.warn(vp, "listed twice")
            seen.append(v)
            keys = set(v)
            if keys == {"condition"}:
                c = v["condition"]
                having = [pid for pid in listed if any(x.get("id") == c for x in progs[pid].get("conditions", []))]
                if not having:
                    r.err(vp, f"condition {c} is not a condition of any listed programme ({', '.join(listed)})")
                proved.update(having)
            elif keys == {"gate"}:
                if v["gate"] not in gates:
                    r.err(vp, f"unknown gate {v['gate']}")
            elif keys == {"question", "level"}:
                if v["question"] not in questions:
                    r.err(vp, f"unknown question {v['question']}")
                lv = v["level"]
                if isinstance(lv, bool) or not isinstance(lv, int) or not 1 <= lv <= 5:
                    r.err(vp, f"level {lv!r}: must be an integer 1-5")
            else:
                r.err(vp, f"needs exactly one of {{condition}}, {{gate}}, {{question, level}}; has {sorted(keys)}")
        srcs = d.get("sources", [])
        if not srcs:
            r.err(f"{dp}.sources", "document without sources")
        # A listed programme should be backed: the document proves one of its conditions, or one of
        # its sources is the programme's own (same URL) or names it.
        urls = {x.get("url") for x in srcs if x.get("url")}
        for pid in listed:
            if pid in proved:
                continue
            pr = progs[pid]
            own = {x.get("url") for x in pr.get("sources", [])}
            own |= {x.get("url") for c in pr.get("conditions", []) for x in c.get("sources", [])}
            name = programme_name(pr)
            if urls & (own - {None}) or (name and any(name in x.get("cite", "") for x in srcs)):
                continue
            r.warn(f"{dp}.programmes", f"{d.get('id')} lists {pid} but proves none of its conditions and cites no source of it")


def documents_table(std):
    """Per programme: how many documents it asks for, and the conditions no document proves."""
    rows = []
    docs = std.get("documents", [])
    if not docs:
        return ""
    proved = {v["condition"] for d in docs for v in d.get("proves", []) if "condition" in v}
    for pr in std.get("programmes", []):
        n = sum(1 for d in docs if pr["id"] in d.get("programmes", []))
        open_ = [c["id"] for c in pr.get("conditions", []) if c["id"] not in proved]
        rows.append(f"  {pr['id']:<14} {n:>2} documents" + (f"; no document proves {', '.join(open_)}" if open_ else ""))
    return "documents\n" + "\n".join(rows)


def check_test(r, p, x, facts, gates, questions, titles, prog, cnd):
    shapes = [k for k in ("fact", "gate", "question", "titles_none_of") if k in x]
    if len(shapes) != 1:
        r.err(p, f"test must have exactly one of fact/gate/question/titles_none_of, has {shapes}")
        return
    s = shapes[0]
    if s == "gate":
        if x["gate"] not in gates:
            r.err(p, f"unknown gate {x['gate']}")
        return
    if s == "titles_none_of":
        for t in x["titles_none_of"]:
            if t not in titles:
                r.err(p, f"unknown title {t}")
        return
    if s == "question":
        q = questions.get(x["question"])
        if q is None:
            r.err(p, f"unknown question {x['question']}")
            return
        mf, nb = x.get("met_from"), x.get("not_met_below")
        if mf is None and nb is None:
            r.err(p, "question test with neither met_from nor not_met_below")
        for v in (mf, nb):
            if v is not None and not (0 <= v <= 5):
                r.err(p, "level out of 0..=5")
        if mf is not None and nb is not None and nb > mf:
            r.err(p, "not_met_below above met_from")
        if nb is not None and nb > 3:
            r.warn(p, "not_met_below > 3: a level 4/5 without an evidence note counts as 3 and would read not met")
        qa, pa = q.get("applies_when"), prog.get("applies_when")
        if qa and pa and not set(pa["any_of"]) <= set(qa["any_of"]):
            r.warn(p, f"question {q['id']} does not apply to every profile the programme applies to")
        return
    f = facts.get(x["fact"])
    if f is None:
        r.err(p, f"unknown fact {x['fact']}")
        return
    kind = f.get("kind")
    if "any_of" in x:
        if kind != "choice":
            r.err(p, "any_of on a non-choice fact")
        opts = {o["id"] for o in f.get("options", [])}
        for o in x["any_of"]:
            if o not in opts:
                r.err(p, f"unknown option {o}")
    elif "years_at_least" in x:
        if kind != "year":
            r.err(p, "years_at_least on a non-year fact")
    elif "op" in x:
        if kind not in ("number", "year"):
            r.err(p, "op on a non-number fact")
        if x["op"] not in ("ge", "gt", "le", "lt"):
            r.err(p, f"bad op {x['op']}")
        v = Decimal(str(x.get("value")))
        if kind == "number":
            if not (Decimal(str(f["min"])) <= v <= Decimal(str(f["max"]))):
                r.err(p, "value outside the fact's min/max")
            if -v.as_tuple().exponent > f.get("decimals", 0):
                r.err(p, "value has more decimals than the fact")
    else:
        r.err(p, "fact test without any_of / years_at_least / op")


def points_table(std):
    rows = []
    for p in std["parts"]:
        rows.append(f"{p['id']:<4} {p['points']:>5}")
        for ind in p["indicators"]:
            n = len(ind["questions"])
            rows.append(f"  {ind['id']:<4} {ind['points']:>5}  {n} questions  {ind['title']['zh']}")
    return "\n".join(rows)


# --- scenarios: a small re-implementation of the spec's condition rules (spec-programmes.md §2), used
# only to read the data through a few personas; the core is the implementation that counts.
def test_result(x, facts_def, profile, facts, gates, levels, year):
    if "gate" in x:
        a = gates.get(x["gate"])
        return {"yes": "met", "no": "not_met"}.get(a, "unknown")
    if "question" in x:
        lv = levels.get(x["question"])
        if lv is None:
            return "unknown"
        if x.get("met_from") is not None and lv >= x["met_from"]:
            return "met"
        if x.get("not_met_below") is not None and lv < x["not_met_below"]:
            return "not_met"
        return "unknown"
    if "titles_none_of" in x:
        if "titles" not in facts:
            return "unknown"
        return "not_met" if set(x["titles_none_of"]) & set(facts["titles"]) else "met"
    v = facts.get(x["fact"])
    if v is None:
        return "unknown"
    if "any_of" in x:
        return "met" if v in x["any_of"] else "not_met"
    if "years_at_least" in x:
        n, age = x["years_at_least"], year - v
        return "met" if age > n else "not_met" if age < n else "unknown"
    v, w = Decimal(str(v)), Decimal(str(x["value"]))
    ok = {"ge": v >= w, "gt": v > w, "le": v <= w, "lt": v < w}[x["op"]]
    return "met" if ok else "not_met"


def holds(cond, profile):
    return cond is None or profile.get(cond["profile"]) in cond["any_of"]


def programme_status(std, pr, profile, facts, gates, levels, year):
    out = []
    for c in pr["conditions"]:
        if not holds(c.get("applies_when"), profile):
            out.append((c["id"], "not_applicable"))
            continue
        rs = [test_result(x, std.get("facts", []), profile, facts, gates, levels, year) for x in c["tests"]]
        if "met" in rs and "not_met" in rs:
            st = "unknown (contradiction)"
        elif "met" in rs:
            st = "met"
        elif "not_met" in rs:
            st = "not_met"
        else:
            st = "unknown"
        out.append((c["id"], st))
    sts = [s for _, s in out]
    if "not_met" in sts:
        status = "not_eligible"
    elif all(s in ("met", "not_applicable") for s in sts):
        status = "ready (if the score reaches the rung)"
    else:
        status = "open"
    return status, out


SCENARIOS = {
    "enterprise": [
        ("Qingdao manufacturer, R&D 3.00 %", {"sector": "manufacturing"},
         {"city": "qingdao", "founded": 2012, "revenue": 2600, "rd_ratio": 3.00, "staff": 120, "titles": []}, "yes",
         {"B2.1": 3, "B4.1": 2, "B1.2": 4, "B2.4": 4, "C2.5": 2, "C2.6": 3, "C4.1": 3, "C3.5": 3, "B1.7": 3, "A4.5": 3, "B1.6": 3}),
        ("Jinan manufacturer, R&D 1 %", {"sector": "manufacturing"},
         {"city": "shandong_other", "founded": 2010, "revenue": 5000, "rd_ratio": 1.0, "staff": 300, "titles": []}, "yes",
         {"B2.1": 1}),
        ("Qingdao services firm, 40 staff", {"sector": "services"},
         {"city": "qingdao", "founded": 2018, "revenue": 800, "staff": 40, "titles": []}, "yes", {}),
        ("Qingdao manufacturer holding 好品山东", {"sector": "manufacturing"},
         {"city": "qingdao", "founded": 2000, "revenue": 90000, "rd_ratio": 4.2, "staff": 900, "titles": ["haopin"]}, "yes",
         {"B2.1": 2}),
    ],
    "regional": [
        ("Qingdao GI area", {"region_type": "agri_gi"}, {"location": "qingdao", "titles": []}, "yes", {"A3.1": 4, "B2.5": 3, "B1.2": 3}),
        ("Cluster outside Shandong", {"region_type": "cluster"}, {"location": "outside", "titles": []}, "yes", {"B1.2": 4}),
    ],
}


def scenarios(std, year):
    for name, profile, facts, gate_answer, levels in SCENARIOS.get(std["id"], []):
        gates = {g["id"]: gate_answer for g in std.get("gates", [])}
        print(f"-- {name} (all gates answered {gate_answer}, year {year})")
        for pr in std.get("programmes", []):
            if not holds(pr.get("applies_when"), profile):
                continue
            status, conds = programme_status(std, pr, profile, facts, gates, levels, year)
            held = " [held]" if pr.get("held_as") in facts.get("titles", []) else ""
            bad = ", ".join(f"{i}={s}" for i, s in conds if s != "met")
            print(f"   {pr['id']:<14} {status}{held}" + (f"  ({bad})" if bad else ""))


def main(argv):
    if "--scenarios" in argv:
        argv = [a for a in argv if a != "--scenarios"]
        for path in argv or [str(ROOT / "standards/enterprise.json"), str(ROOT / "standards/regional.json")]:
            scenarios(json.loads(Path(path).read_text(encoding="utf-8")), 2026)
        return 0
    old_rev = "HEAD"
    if "--old" in argv:
        i = argv.index("--old")
        old_rev = argv[i + 1]
        del argv[i:i + 2]
    quiet = "-q" in argv
    argv = [a for a in argv if a != "-q"]
    files = argv or [str(ROOT / "standards/enterprise.json"), str(ROOT / "standards/regional.json")]
    failed = False
    for path in files:
        r, std = check(path, old_rev)
        print(f"== {path}: {len(r.errors)} errors, {len(r.warnings)} warnings")
        for e in r.errors:
            print("  ERROR", e)
        for w in r.warnings:
            print("  warn ", w)
        if std is not None and not quiet:
            print(points_table(std))
            if std.get("documents"):
                print(documents_table(std))
        failed |= bool(r.errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
