-- Cross-article conflicts from `factlint claims --format jsonl`, in DuckDB (>= 1.3).
--
-- The reduce step of docs/scale.md: it reproduces factlint/consistency.py on the claims
-- dump. Input: the variable `claims_files`, a file, a glob or a list of JSONL files
--
--     SET VARIABLE claims_files = 'claims/*.jsonl';
--
-- (bench/claims_duckdb.py sets it). The last statement returns one row per reported side:
-- path, line, column, rule (consistency.figure|attribution|lineage) and severity.
--
-- What is compared, as in `factlint check`: claims with a key (null: too vague to compare)
-- asserted plain, hedged or reported, grouped by key. `claims` does not know which claims
-- a rule covers (check leaves those to the rule): compare with a `check` run on the same
-- rules, holding no fact rules (only `entities:`), or expect the covered claims here too.
--
-- Cost: every join is an equi-join on the group key, never across groups; and within a
-- group it pairs distinct values (classes), not claims, then each side meets at most the
-- 20 nearest contradicting claims (PARTNERS in consistency.py) of its class. For N claims,
-- V distinct values per key: O(N log N + sum over keys of V^2 + 60 N) rows. See
-- docs/scale.md for the huge-group case.

-- 0. The comparison rules of consistency.py / numbers.Interval as macros. An infinite end
--    (null in the dump) is -inf/inf here.

-- Interval.overlaps: the two intervals share at least one point.
CREATE OR REPLACE TEMP MACRO interval_overlaps(al, alo, ah, aho, bl, blo, bh, bho) AS (
    greatest(al, bl) < least(ah, bh)
    OR (
        greatest(al, bl) = least(ah, bh)
        AND NOT (
            (CASE WHEN al > bl THEN alo WHEN al < bl THEN blo ELSE alo OR blo END)
            OR (CASE WHEN ah < bh THEN aho WHEN ah > bh THEN bho ELSE aho OR bho END)
            OR isinf(greatest(al, bl))
        )
    )
);

-- _size: the middle of an interval, or its finite end; null when it has none.
CREATE OR REPLACE TEMP MACRO magnitude(l, h) AS (
    CASE
        WHEN NOT isinf(l) AND NOT isinf(h) THEN abs((l + h) / 2)
        WHEN NOT isinf(l) THEN abs(l)
        WHEN NOT isinf(h) THEN abs(h)
    END
);

-- _same_magnitude: figures more than 10x apart count different things.
CREATE OR REPLACE TEMP MACRO same_magnitude(sa, sb) AS (
    sa IS NULL OR sb IS NULL OR sa = 0 OR sb = 0 OR greatest(sa, sb) / least(sa, sb) <= 10.0
);

-- The order `factlint check` reads articles in (files.discover: a folder's files, sorted,
-- before its subfolders, sorted), as a sortable list: ["1archive", "12024", "0a.md"].
CREATE OR REPLACE TEMP MACRO walk_order(p) AS (
    CASE
        WHEN contains(p, '/') THEN
            list_transform(string_split(regexp_extract(p, '^(.*)/', 1), '/'), lambda d: '1' || d)
            || ['0' || regexp_extract(p, '[^/]*$')]
        ELSE ['0' || p]
    END
);

-- 1. The comparable claims. `ord` is the order check meets them in (articles in walk order,
--    claims in text order): it decides which 20 contradicting claims a side looks at.
--    `cls` numbers the distinct values of each key.
CREATE OR REPLACE TEMP TABLE claim AS
WITH raw AS (
    SELECT *
    FROM read_ndjson(
        getvariable('claims_files'),
        columns = {
            path: 'VARCHAR', line: 'BIGINT', "column": 'BIGINT', assertion: 'VARCHAR',
            date: 'VARCHAR', key: 'JSON', value: 'JSON', source: 'VARCHAR'
        }
    )
),
compared AS (
    SELECT
        path,
        line,
        "column",
        assertion = 'plain' AS plain,
        CASE WHEN assertion <> 'plain' THEN source END AS source,
        nullif(date, '') AS date,
        key::VARCHAR AS gkey,
        key ->> 0 AS kind,
        CASE WHEN key ->> 0 = 'figure'
            THEN coalesce((value -> '$.low')::DOUBLE, '-inf'::DOUBLE) END AS low,
        CASE WHEN key ->> 0 = 'figure'
            THEN coalesce((value -> '$.high')::DOUBLE, 'inf'::DOUBLE) END AS high,
        CASE WHEN key ->> 0 = 'figure' THEN (value ->> '$.low_open')::BOOLEAN END AS low_open,
        CASE WHEN key ->> 0 = 'figure' THEN (value ->> '$.high_open')::BOOLEAN END AS high_open,
        CASE WHEN key ->> 0 <> 'figure' THEN value ->> '$' END AS val
    FROM raw
    WHERE key IS NOT NULL AND assertion IN ('plain', 'hedged', 'reported')
),
article AS (
    SELECT path, row_number() OVER (ORDER BY walk_order(path)) AS article
    FROM (SELECT DISTINCT path FROM compared)
)
SELECT
    row_number() OVER (ORDER BY article, line, "column") AS ord,
    dense_rank() OVER (ORDER BY gkey, low, high, low_open, high_open, val) AS cls,
    compared.*
FROM compared
JOIN article USING (path)
QUALIFY count(*) OVER (PARTITION BY gkey) >= 2;

-- 2. The distinct values (classes) of each key.
CREATE OR REPLACE TEMP TABLE class AS
SELECT
    cls,
    any_value(gkey) AS gkey,
    any_value(kind) AS kind,
    any_value(low) AS low,
    any_value(high) AS high,
    any_value(low_open) AS low_open,
    any_value(high_open) AS high_open,
    any_value(val) AS val,
    magnitude(any_value(low), any_value(high)) AS size,
    min(ord) AS first_ord
FROM claim
GROUP BY cls;

-- 3. The majority of each group: a point (figures) or a value (owner, direction) held by at
--    least two articles and more than half of the group's articles. Its holders are not
--    reported. For figures this is _majority_point's sweep, as window functions: each
--    article's intervals merged into disjoint segments, then a running count of open
--    segments over the sorted ends; the first point where it peaks.
CREATE OR REPLACE TEMP TABLE majority AS
WITH seg AS (
    SELECT
        gkey, path, ord, low, high,
        max(high) OVER (
            PARTITION BY gkey, path ORDER BY low, high, ord
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
        ) AS reach
    FROM claim
    WHERE kind = 'figure'
),
island AS (
    SELECT
        *,
        sum(CASE WHEN reach IS NULL OR low > reach THEN 1 ELSE 0 END) OVER (
            PARTITION BY gkey, path ORDER BY low, high, ord ROWS UNBOUNDED PRECEDING
        ) AS island
    FROM seg
),
merged AS (
    SELECT gkey, path, min(low) AS low, max(high) AS high
    FROM island
    GROUP BY gkey, path, island
),
event AS (
    SELECT gkey, low AS point, 0 AS closing, 1 AS delta FROM merged
    UNION ALL
    SELECT gkey, high, 1, -1 FROM merged
),
swept AS (
    SELECT
        gkey, point, closing,
        sum(delta) OVER (
            PARTITION BY gkey ORDER BY point, closing ROWS UNBOUNDED PRECEDING
        ) AS open
    FROM event
),
peak AS (
    SELECT gkey, arg_min(point, [-open, point]) AS point, max(open) AS best
    FROM swept
    WHERE closing = 0
    GROUP BY gkey
),
articles AS (
    SELECT gkey, count(DISTINCT path) AS articles FROM claim GROUP BY gkey
),
held AS (
    SELECT gkey, val, count(DISTINCT path) AS best, min(ord) AS first
    FROM claim
    WHERE kind <> 'figure'
    GROUP BY gkey, val
),
top AS (
    -- An article may hold two values: only the most held one (the first, on a tie) counts.
    SELECT gkey, arg_max(val, [best, -first]) AS val, max(best) AS best
    FROM held
    GROUP BY gkey
)
SELECT gkey, point, NULL::VARCHAR AS val
FROM peak JOIN articles USING (gkey)
WHERE best >= 2 AND best * 2 > articles
UNION ALL
SELECT gkey, NULL, val
FROM top JOIN articles USING (gkey)
WHERE best >= 2 AND best * 2 > articles;

-- 4. Pairs of values of one key that contradict each other. Figures: intervals that do
--    not overlap, within 10x of each other; `below`: the other is lower, taken highest
--    first, `above`: higher, lowest first. Owners, directions: different values, in the
--    order they first appear. (k1, then the claim's order) is the order consistency.py
--    looks at partners in.
CREATE OR REPLACE TEMP TABLE class_pair AS
SELECT a.cls AS a, b.cls AS b, 'below' AS dir, -b.high AS k1
FROM class a JOIN class b ON a.gkey = b.gkey
WHERE a.kind = 'figure' AND b.high <= a.low
    AND NOT interval_overlaps(a.low, a.low_open, a.high, a.high_open, b.low, b.low_open, b.high, b.high_open)
    AND same_magnitude(a.size, b.size)
UNION ALL
SELECT a.cls, b.cls, 'above', b.low
FROM class a JOIN class b ON a.gkey = b.gkey
WHERE a.kind = 'figure' AND b.low >= a.high
    AND NOT interval_overlaps(a.low, a.low_open, a.high, a.high_open, b.low, b.low_open, b.high, b.high_open)
    AND same_magnitude(a.size, b.size)
UNION ALL
SELECT a.cls, b.cls, 'value', b.first_ord
FROM class a JOIN class b ON a.gkey = b.gkey
WHERE a.kind <> 'figure' AND a.cls <> b.cls;

-- 5. For each value and each kind of side its claims are (plain; or hedged or reported,
--    and the company cited, if any: two claims that are both hedged or reported are no
--    conflict, unless they cite one company), the nearest contradicting claims: at most 20
--    below, 40 in all, 20 for owners and directions, plus one in case a side meets itself.
--    Only the first and last few claims of each class and kind can be among them.
CREATE OR REPLACE TEMP TABLE nearest AS
WITH head AS (
    SELECT *
    FROM (
        SELECT
            ord, cls, plain, source, date,
            row_number() OVER (PARTITION BY cls, plain, source ORDER BY ord) AS from_first,
            row_number() OVER (PARTITION BY cls, plain, source ORDER BY ord DESC) AS from_last
        FROM claim
    )
    WHERE from_first <= 41 OR from_last <= 21
),
side_kind AS (
    SELECT DISTINCT cls, plain, source FROM claim
)
SELECT
    p.a, f.plain AS side_plain, f.source AS side_source, p.dir, h.ord, h.date, p.k1,
    CASE WHEN p.dir = 'below' THEN -h.ord ELSE h.ord END AS k2
FROM class_pair p
JOIN side_kind f ON f.cls = p.a
JOIN head h ON h.cls = p.b AND (f.plain OR h.plain OR f.source = h.source)
WHERE (p.dir = 'below' AND h.from_last <= 21)
    OR (p.dir = 'above' AND h.from_first <= 41)
    OR (p.dir = 'value' AND h.from_first <= 20)
QUALIFY row_number() OVER (PARTITION BY p.a, f.plain, f.source, p.dir ORDER BY p.k1, k2)
    <= CASE p.dir WHEN 'below' THEN 21 WHEN 'above' THEN 41 ELSE 20 END;

-- 6. The sides that may be reported: claims that do not hold the majority.
CREATE OR REPLACE TEMP TABLE side AS
SELECT c.*
FROM claim c
LEFT JOIN majority m ON m.gkey = c.gkey
WHERE m.gkey IS NULL
    OR NOT CASE WHEN c.kind = 'figure'
        THEN interval_overlaps(c.low, c.low_open, c.high, c.high_open, m.point, false, m.point, false)
        ELSE c.val = m.val END;

-- 7. Each side against its partners (20 below, 40 in all; 20 for values), then the date
--    rule: reported when a partner has the same date (or either has none), as an error if
--    the side is plain; else a warning when a partner is newer; not at all when every
--    partner is older (this article updates them).
WITH met AS (
    SELECT
        s.ord AS side, n.dir, n.date AS partner_date, s.date AS side_date,
        row_number() OVER (PARTITION BY s.ord, n.dir ORDER BY n.k1, n.k2) AS rank
    FROM side s
    JOIN nearest n
        ON n.a = s.cls AND n.side_plain = s.plain
        AND n.side_source IS NOT DISTINCT FROM s.source AND n.ord <> s.ord
),
capped AS (
    SELECT *
    FROM (
        SELECT
            *,
            count(*) FILTER (WHERE dir = 'below' AND rank <= 20) OVER (PARTITION BY side)
                AS below
        FROM met
    )
    WHERE (dir = 'below' AND rank <= 20)
        OR (dir = 'above' AND rank <= 40 - below)
        OR (dir = 'value' AND rank <= 20)
),
verdict AS (
    SELECT
        side,
        count(*) FILTER (
            WHERE side_date IS NULL OR partner_date IS NULL OR partner_date = side_date
        ) AS same,
        count(*) FILTER (WHERE partner_date > side_date) AS newer
    FROM capped
    GROUP BY side
)
SELECT
    s.path,
    s.line,
    s."column",
    'consistency.' || s.kind AS rule,
    CASE WHEN v.same > 0 AND s.plain THEN 'error' ELSE 'warning' END AS severity
FROM side s
JOIN verdict v ON v.side = s.ord
WHERE v.same > 0 OR v.newer > 0
ORDER BY s.path, s.line, s."column", rule;
