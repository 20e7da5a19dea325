"""Ranked full-text search of a model's weighted text fields, used by every searchable list
(the methodology inventory, the good-practice repertoire, …).

A model declares what is searched with a :class:`SearchSpec`: its text fields by weight (A the
title, B the summary, C the rest) and the fields whose text is shown, highlighted, in results.

PostgreSQL: the model's ``search_vector`` column, which a database trigger keeps up to date
(:func:`trigger_sql`, run by the app's migration) and a GIN index serves, holds each text twice:
stemmed in the record's own language where PostgreSQL has a stemmer (English, French, Hungarian,
Italian, Portuguese) and as plain words, both without accents (the project's text search
configurations ``netw_*``, made by netw's migration 0012 with ``unaccent``). A query matches a
word's prefix ("form" finds "formação") or any of its stems ("trainings" finds "training",
"formações" finds "formação"), accents ignored both ways ("formacao", "kepzes"); every word must
match. The names of a record's tags (``SearchSpec.tags``: target groups, sectors…, in every
interface language) are searched too, through a ``search_tags`` column the core keeps up to date.
A record also matches when one of its published translations does (``translation_of``). Results
are ranked by ``ts_rank``; highlighted fragments come from ``ts_headline``, computed only for the
rows of the page shown. When nothing matches, :func:`suggestion` proposes the closest words by
trigram similarity ("did you mean …").

SQLite (the embedded demo): every word must appear in one of the text fields; rows whose title
(then summary) matches come first; the summary is highlighted in Python; suggestions by difflib.

A list page ranks a bounded set (both databases): at most ``SEARCH_RANK_LIMIT`` candidates, the
newest matches, ranked among themselves; past the cap the page counts "1,000+ results".
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Concat
from django.db.models.signals import m2m_changed
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from netw.richtext import highlight, plain_text

# The configuration of the searchable tables' first triggers (kept so that their migrations
# replay the same); the project's own configurations below replace it from netw's 0012 on.
SEARCH_CONFIG = "simple"
# Plain words without accents, for every language, and the stemmers PostgreSQL has for the
# project's languages (also without accents): {record language: configuration}.
SIMPLE_CONFIG = "netw_simple"
STEMMED_CONFIGS = {"en": "netw_english", "fr": "netw_french", "hu": "netw_hungarian",
                   "it": "netw_italian", "pt": "netw_portuguese"}
_DICTIONARIES = {"netw_simple": ("simple", "simple"), "netw_english": ("english", "english_stem"),
                 "netw_french": ("french", "french_stem"),
                 "netw_hungarian": ("hungarian", "hungarian_stem"),
                 "netw_italian": ("italian", "italian_stem"),
                 "netw_portuguese": ("portuguese", "portuguese_stem")}
SUGGESTION_SIMILARITY = 0.3
# At most this many originals are found through their translations' words (a bounded IN list).
MAX_TRANSLATED = 500
# Markers that cannot occur in text, swapped for <mark> after escaping the headline.
START, STOP = "\x02", "\x03"
MAX_TERMS = 8
MAX_TERM_LENGTH = 40


@dataclass(frozen=True)
class SearchSpec:
    """What a model's search reads: text fields by weight, and the fields shown highlighted.

    ``weights`` maps a tsvector weight ("A", "B", "C", "D") to field names, most important
    first; the first A field is the one sorted on and ranked highest on SQLite. ``shown`` are
    the fields a result's highlighted fragment is cut from (the first is the summary shown when
    nothing matches in them).
    """

    weights: dict[str, tuple[str, ...]]
    shown: tuple[str, ...]
    # Many-to-many fields whose names are searched (through the ``search_tags`` column).
    tags: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        names = tuple(name for names in self.weights.values() for name in names)
        return names + (("search_tags",) if self.tags else ())

    @property
    def title(self) -> str:
        return self.weights["A"][0]


def terms_of(text: str) -> list[str]:
    """At most a few words of bounded length: SQLite refuses very long LIKE patterns."""
    return [w[:MAX_TERM_LENGTH] for w in re.findall(r"\w+", (text or "")[:500])][:MAX_TERMS]


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def tsquery(text: str) -> SearchQuery | None:
    """Every word, each as a prefix of a plain word or as one of its stems, accents ignored."""
    words = terms_of(text)
    if not words:
        return None
    query = None
    for word in words:
        # Only word characters reach the raw tsquery, so its syntax cannot be injected.
        either = SearchQuery(f"{word.lower()}:*", config=SIMPLE_CONFIG, search_type="raw")
        for config in STEMMED_CONFIGS.values():
            either |= SearchQuery(word, config=config, search_type="plain")
        query = either if query is None else query & either
    return query


def _prefix_query(text: str) -> SearchQuery | None:
    """The words as prefixes only: what ``ts_headline`` can mark in the text as written."""
    words = terms_of(text)
    if not words:
        return None
    return SearchQuery(" | ".join(f"{w.lower()}:*" for w in words), config=SIMPLE_CONFIG,
                       search_type="raw")


def _translatable(model) -> bool:
    try:
        model._meta.get_field("translation_of")
    except FieldDoesNotExist:
        return False
    return True


def rank_limit() -> int:
    """How many candidates a list page ranks at most (``SEARCH_RANK_LIMIT``)."""
    return settings.SEARCH_RANK_LIMIT


def ranked_search(queryset: QuerySet, text: str, spec: SearchSpec, *,
                  limit: int | None = None) -> QuerySet:
    """The rows matching every word of ``text``, best first (annotated with ``rank``).

    With ``limit`` (a list page: :func:`rank_limit`), only a bounded set is ranked: the
    ``limit + 1`` newest matching rows (by primary key: a cheap order, which stops the match
    once enough are found), ranked among themselves. Ranking every match costs
    with their number (83,000 matches took 430 ms on PostgreSQL); ranking a thousand costs the
    same at any size. The one row beyond ``limit`` tells the page that there are more
    (:func:`netw.pagination.paginate` with ``cap``, "1,000+ results"). Apply it after every other
    filter (:class:`netw.filters.SearchLastMixin`): the candidates are drawn from ``queryset``.
    """
    words = terms_of(text)
    if not words:
        return queryset
    if uses_postgres():
        query = tsquery(text)
        matches = Q(search_vector=query)
        if _translatable(queryset.model):
            # An original is found by the words of its published translations too. Their ids
            # are fetched first (the GIN index serves it): a subquery OR-ed into the filter
            # would make the planner scan the whole table instead of using the index.
            translated = list(queryset.model._base_manager
                              .filter(translation_of__isnull=False, status="published",
                                      search_vector=query)
                              .values_list("translation_of_id", flat=True)[:MAX_TRANSLATED])
            if translated:
                matches |= Q(pk__in=translated)
        rank = SearchRank(F("search_vector"), query)
    else:
        matches = Q()
        for word in words:
            any_field = Q()
            for field in spec.fields:
                any_field |= Q(**{f"{field}__icontains": word})
            matches &= any_field
        ranks = [When(Q(**{f"{field}__icontains": words[0]}), then=Value(score))
                 for score, weight in ((3, "A"), (2, "B"))
                 for field in spec.weights.get(weight, ())]
        rank = Case(*ranks, default=Value(1), output_field=IntegerField())
    if limit is None:
        found = queryset.filter(matches)
    else:
        # The candidates' ids fetched once: the page's count and its rows then read them by
        # primary key, without matching every row's text again (a subquery would, twice).
        candidates = list(queryset.filter(matches).order_by("-pk")
                          .values_list("pk", flat=True)[:limit + 1])
        found = queryset.filter(pk__in=candidates)
    return found.annotate(rank=rank).order_by("-rank", spec.title, "-pk")


def headlines(model, ids: list[int], text: str, spec: SearchSpec) -> dict[int, SafeString]:
    """Highlighted fragments for the given rows (one query on PostgreSQL, none on SQLite)."""
    if not ids or not terms_of(text) or not uses_postgres():
        return {}
    query = _prefix_query(text)
    parts: list = []
    for name in spec.shown:
        parts += [name, Value(" ")]
    source = Concat(*parts[:-1], output_field=TextField()) if len(spec.shown) > 1 \
        else F(spec.shown[0])
    rows = (model.objects.filter(pk__in=ids)
            .annotate(fragment=SearchHeadline(
                source, query, config=SIMPLE_CONFIG,
                start_sel=START, stop_sel=STOP, max_words=35, min_words=15,
                max_fragments=2, fragment_delimiter=" … "))
            .values_list("pk", "fragment"))
    return {pk: marked(fragment) for pk, fragment in rows}


def marked(fragment: str) -> SafeString:
    html = escape(fragment or "").replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our markers become tags


def snippet(record, text: str, fragments: dict[int, SafeString], spec: SearchSpec
            ) -> SafeString:
    """The highlighted fragment: PostgreSQL's, or (SQLite) a window around the first match in
    the shown fields."""
    if record.pk in fragments:
        return fragments[record.pk]
    words = terms_of(text)
    summary = getattr(record, spec.shown[0]) or ""
    source = " ".join([summary] + [plain_text(getattr(record, name) or "")
                                   for name in spec.shown[1:]])
    lowered = source.lower()
    hits = [i for i in (lowered.find(w.lower()) for w in words) if i >= 0]
    if not hits:
        return highlight(summary, words)
    start = max(0, min(hits) - 80)
    window = source[start:start + 240]
    prefix = "… " if start else ""
    suffix = " …" if start + 240 < len(source) else ""
    return highlight(prefix + window + suffix, words)


def results(model, page, text: str, spec: SearchSpec) -> list[tuple]:
    """A list page's rows as (record, highlighted fragment or None) for the records of ``page``."""
    text = (text or "").strip()
    fragments = headlines(model, [r.pk for r in page.object_list], text, spec) if text else {}
    return [(r, snippet(r, text, fragments, spec) if text else None) for r in page.object_list]


# --- Keeping the vector up to date (PostgreSQL): SQL for an app's migration ----------------------


IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


def _identifier(name: str) -> str:
    if not IDENTIFIER.match(name):
        raise ValueError(f"not a plain SQL identifier: {name!r}")
    return name


def _names(table: str) -> dict[str, str]:
    table = _identifier(table)
    return {"function": f"{table}_search_update", "trigger": f"{table}_search",
            "index": f"{table}_search_gin"}


def trigger_sql(table: str, weights: dict[str, tuple[str, ...]], *,
                language_column: str | None = None) -> str:
    """A trigger that computes ``search_vector`` from the weighted columns on every insert and
    update, its GIN index (inserting directly, without a pending list: these tables are written
    rarely and searched often), and the vectors of the rows already there.

    With ``language_column``, each text is indexed twice: stemmed by the configuration of the
    row's language (``STEMMED_CONFIGS``; plain words where PostgreSQL has no stemmer) and as
    plain words, both without accents (netw's migration 0012 makes the configurations). Without
    it, the first triggers' 'simple' vector (kept so that their migrations replay the same).

    A migration passes the columns literally, so it replays the same whatever the model's
    ``SearchSpec`` later becomes. Only identifiers of the migration's own choosing reach the SQL.
    """
    n = _names(table)
    if not set(weights) <= set("ABCD"):
        raise ValueError(f"tsvector weights are A to D, not {sorted(weights)}")

    def texts(columns) -> str:
        return "concat_ws(' ', " + ", ".join(f"NEW.{_identifier(c)}" for c in columns) + ")"

    if language_column is None:
        vector = " ||\n    ".join(
            f"setweight(to_tsvector('{SEARCH_CONFIG}', {texts(columns)}), '{weight}')"
            for weight, columns in weights.items())
        declare = ""
    else:
        language = _identifier(language_column)
        cases = " ".join(f"WHEN '{code}' THEN '{config}'" for code, config
                         in STEMMED_CONFIGS.items())
        declare = f"""DECLARE
  stemmed regconfig := CASE split_part(lower(coalesce(NEW.{language}, '')), '-', 1)
    {cases} ELSE '{SIMPLE_CONFIG}' END;
"""
        vector = " ||\n    ".join(
            f"setweight(to_tsvector(stemmed, {texts(columns)}) || "
            f"to_tsvector('{SIMPLE_CONFIG}', {texts(columns)}), '{weight}')"
            for weight, columns in weights.items())
    first = _identifier(next(iter(weights.values()))[0])
    # Identifiers only, checked above: nothing from a request reaches this SQL.
    return f"""
CREATE OR REPLACE FUNCTION {n['function']}() RETURNS trigger AS $$
{declare}BEGIN
  NEW.search_vector :=
    {vector};
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS {n['trigger']} ON {table};
CREATE TRIGGER {n['trigger']}
  BEFORE INSERT OR UPDATE ON {table}
  FOR EACH ROW EXECUTE FUNCTION {n['function']}();
CREATE INDEX IF NOT EXISTS {n['index']} ON {table} USING gin (search_vector)
  WITH (fastupdate = off);
UPDATE {table} SET {first} = {first};
"""  # noqa: S608


def migrate_to_multilingual(apps, schema_editor, triggers) -> None:
    """For an app's migration: fill ``search_tags`` (the tags' names in every interface
    language) and install the multilingual trigger. ``triggers``: (app_label.Model, table,
    weights, tag fields), written literally in the migration."""
    for app_model, table, weights, tag_fields in triggers:
        model = apps.get_model(*app_model.split("."))
        for record in model._base_manager.prefetch_related(*tag_fields):
            names = set()
            for field in tag_fields:
                terms = [term.name for term in getattr(record, field).all()]
                for code, _name in settings.LANGUAGES:
                    with translation.override(code):
                        names.update(translation.gettext(name) for name in terms)
            model._base_manager.filter(pk=record.pk).update(search_tags=" ".join(sorted(names)))
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(trigger_sql(table, weights, language_column="language"))


def configurations_sql() -> str:
    """The project's text search configurations: each a copy of PostgreSQL's, its words passed
    through ``unaccent`` before the stemmer (or the plain dictionary)."""
    statements = []
    for name, (parser_copy, dictionary) in _DICTIONARIES.items():
        statements.append(f"""
DROP TEXT SEARCH CONFIGURATION IF EXISTS {name};
CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{parser_copy});
ALTER TEXT SEARCH CONFIGURATION {name}
  ALTER MAPPING FOR hword, hword_part, word, asciiword, asciihword, hword_asciipart
  WITH unaccent, {dictionary};""")
    return "\n".join(statements)


def undo_configurations_sql() -> str:
    return "\n".join(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name};"
                      for name in _DICTIONARIES)


def undo_trigger_sql(table: str) -> str:
    n = _names(table)
    return f"""
DROP INDEX IF EXISTS {n['index']};
DROP TRIGGER IF EXISTS {n['trigger']} ON {table};
DROP FUNCTION IF EXISTS {n['function']}();
"""


# --- Tags: the names of a record's vocabulary terms, searched with its text --------------------


def tag_text(record, spec: SearchSpec) -> str:
    """The names of the record's tags in every interface language ("Roma", "romák", …), so a
    search in any of them finds the record."""
    names: set[str] = set()
    for field in spec.tags:
        terms = list(getattr(record, field).all())
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                names.update(str(term) for term in terms)
    return " ".join(sorted(names))


def refresh_tags(record, spec: SearchSpec) -> None:
    """Write the record's ``search_tags`` (the trigger then recomputes its vector)."""
    type(record)._base_manager.filter(pk=record.pk).update(search_tags=tag_text(record, spec))


def track_tags(model, spec: SearchSpec) -> None:
    """Keep ``model.search_tags`` up to date when its tags (``spec.tags``) change. Called by the
    app's ``ready()``."""
    def changed(sender, instance, action, reverse, **kwargs):
        if action not in ("post_add", "post_remove", "post_clear"):
            return
        if reverse:  # a term's records changed from the term's side
            pk_set = kwargs.get("pk_set")
            records = (model._base_manager.filter(pk__in=pk_set) if pk_set is not None
                       else model._base_manager.none())
            for record in records:
                refresh_tags(record, spec)
        elif isinstance(instance, model):
            refresh_tags(instance, spec)

    for field in spec.tags:
        through = model._meta.get_field(field).remote_field.through
        m2m_changed.connect(changed, sender=through, weak=False,
                            dispatch_uid=f"netw-search-tags-{model._meta.label}-{field}")


# --- "Did you mean": the closest words when nothing matches ---------------------------------


def suggestion(queryset: QuerySet, text: str, spec: SearchSpec) -> str:
    """A corrected query when ``text`` matches nothing: each word replaced by the most similar
    word of the titles (and tags) of ``queryset`` — the rows the person may see, before the
    search — or "" when there is nothing close. Only call it when the search found nothing."""
    words = terms_of(text)
    if not words:
        return ""
    fields = (spec.title, "search_tags") if spec.tags else (spec.title,)
    if uses_postgres():
        replaced = [_closest_postgres(queryset, fields, word) for word in words]
    else:
        vocabulary = _vocabulary(queryset, fields)
        replaced = [word if word.lower() in vocabulary else next(iter(difflib.get_close_matches(
            word.lower(), vocabulary, n=1, cutoff=0.75)), None) for word in words]
    if any(r is None for r in replaced):
        return ""
    corrected = " ".join(replaced)
    return corrected if corrected.lower() != " ".join(words).lower() else ""


def page_suggestion(page, queryset: QuerySet, text: str, spec: SearchSpec) -> str:
    """A list page's "did you mean": only when a search found nothing."""
    if not (text or "").strip() or page.paginator.count:
        return ""
    return suggestion(queryset, text, spec)


def _vocabulary(queryset: QuerySet, fields) -> set[str]:
    words: set[str] = set()
    for values in queryset.order_by().values_list(*fields)[:5000]:
        for value in values:
            words.update(w.lower() for w in re.findall(r"\w{3,}", value or ""))
    return words


def _closest_postgres(queryset: QuerySet, fields, word: str) -> str | None:
    """The most similar word (pg_trgm) of the queryset's titles and tags, or None."""
    sql, params = queryset.order_by().values(*fields).query.sql_with_params()
    columns = " || ' ' || ".join(f"coalesce(q.{_identifier(f)}, '')" for f in fields)
    with connection.cursor() as cursor:
        cursor.execute(f"""
            SELECT w FROM (
              SELECT DISTINCT regexp_split_to_table(lower({columns}), '[^[:alnum:]]+') AS w
              FROM ({sql}) AS q) AS words
            WHERE length(w) > 2 AND similarity(w, %s) >= %s
            ORDER BY similarity(w, %s) DESC, w LIMIT 1""",  # noqa: S608 - identifiers checked
                       [*params, word.lower(), SUGGESTION_SIMILARITY, word.lower()])
        row = cursor.fetchone()
    return row[0] if row else None
