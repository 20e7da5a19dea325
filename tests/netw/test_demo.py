"""The whole demo (``manage.py seed_demo``) on a fresh database: records written in the language
they say, translations through the core, web and e-mail addresses that are addresses, quiet and
safe to run again."""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models

from methodologies.models import Methodology, Publication
from netw.text import latin_slug, to_latin
from netw.workflow import Status
from providers.models import Network, Provider
from sustainability.models import GoodPractice, Recommendation

pytestmark = pytest.mark.django_db

FOCUS = ("hu", "pt", "sr", "sk", "mk")
# Letters or words that one language has and English (and the other focus languages) lack.
MARKERS = {
    "hu": re.compile(r"[őű]"),
    "pt": re.compile(r"[ãõç]"),
    "sr": re.compile(r"[ћђ]| је "),            # Macedonian has neither; it writes "е"
    "mk": re.compile(r"[ѓќѕ]| ги "),           # Serbian has neither; it writes "их"
    "sk": re.compile(r"[äľĺŕô]"),
}
ENGLISH = re.compile(r"\b(the|and|with|of)\b", re.IGNORECASE)
URL = re.compile(r"https?://[^\s)\]>\"']*")


def seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def text_of(record, *names) -> str:
    return " ".join(str(getattr(record, n, "") or "") for n in names)


def test_the_demo_is_quiet_and_safe_to_run_again(partners, capsys, mailoutbox):
    first = seed()
    counts = [m.objects.count() for m in (Methodology, Publication, GoodPractice,
                                          Recommendation, Provider, Network)]
    second = seed()
    assert [m.objects.count() for m in (Methodology, Publication, GoodPractice,
                                        Recommendation, Provider, Network)] == counts
    assert "translations: 0 new" in second and "translations: 8 new" in first
    # The learner's certificate e-mail went nowhere: neither sent nor printed.
    printed = first + second + "".join(capsys.readouterr())
    assert "Content-Type" not in printed and "/certificates/" not in printed
    assert mailoutbox == []


def test_each_focus_language_has_published_methodologies_written_in_it(partners, client):
    seed()
    published = Methodology.objects.published().originals()
    for language in FOCUS:
        records = list(published.filter(language=language))
        assert records, language
        for record in records:
            text = text_of(record, "title", "summary", "body", "problem", "evidence",
                           "transfer").lower()
            assert MARKERS[language].search(text), (language, record.title)
            assert not ENGLISH.search(text.replace("net-works", "")), (language, record.title)
    # Serbian in Cyrillic unless tagged sr-latn; the English ones stay English.
    for record in Methodology.objects.filter(language="sr"):
        assert re.search(r"[а-яђћџљњј]", record.title.lower()), record.title
    for record in Methodology.objects.filter(language="en", translation_of__isnull=True):
        assert ENGLISH.search(text_of(record, "summary", "body")), record.title
    # About half the public records are in the focus countries' languages.
    public = [*published, *GoodPractice.objects.published().originals(),
              *Recommendation.objects.published().originals()]
    share = sum(r.language in FOCUS for r in public) / len(public)
    assert 0.4 <= share <= 0.8
    for model in (GoodPractice, Recommendation):
        for record in model.objects.published().originals().filter(language__in=FOCUS):
            assert MARKERS[record.language].search(text_of(record, "title", "summary").lower()
                                                    + " " + text_of(record, "problem", "text")
                                                    .lower()), record.title
    # Under a readable address, shown as written (an English visitor asks for the original).
    serbian = Methodology.objects.get(title__startswith="Пасош вештина")
    assert serbian.slug.startswith("pasos-vestina-za-rome")
    page = client.get(serbian.get_absolute_url(), {"original": "1"}).content.decode()
    assert "Пасош вештина за Роме" in page and 'lang="sr"' in page


def test_translations_go_both_ways_and_one_is_a_draft(partners):
    seed()
    translated = {(t.translation_of.language, t.language, t.status)
                  for model in (Methodology, GoodPractice, Recommendation, Publication)
                  for t in model.objects.translations().select_related("translation_of")}
    assert ("pt", "en", Status.PUBLISHED) in translated
    assert ("en", "hu", Status.PUBLISHED) in translated
    assert ("en", "pt", Status.PUBLISHED) in translated
    assert any(status == Status.DRAFT for _o, _l, status in translated)
    english = Methodology.objects.get(translation_of__title__startswith="Aprender a produzir")
    assert english.title == "Learning by producing in a social bakery"
    assert ENGLISH.search(english.body) and english.translation_of.language == "pt"


def _seeded_strings():
    for model in apps.get_models():
        fields = [f.name for f in model._meta.concrete_fields
                  if isinstance(f, models.CharField | models.TextField)]
        if fields:
            for row in model._default_manager.values_list(*fields):
                yield from (value for value in row if isinstance(value, str))


def test_every_seeded_address_has_a_host_and_every_e_mail_a_domain(partners):
    seed()
    urls = [u for value in _seeded_strings() for u in URL.findall(value)]
    assert urls
    for url in urls:
        host = urlsplit(url).hostname or ""
        assert host and all(host.split(".")), url
    email_fields = [(m, f.name) for m in apps.get_models() for f in m._meta.concrete_fields
                    if isinstance(f, models.EmailField)]
    emails = [e for m, name in email_fields
              for e in m._default_manager.exclude(**{name: ""}).values_list(name, flat=True)]
    assert emails
    for email in emails:
        local, _at, domain = email.partition("@")
        assert local and all(domain.split(".")), email
    macedonian = Network.objects.get(acronym="МСП")
    assert macedonian.website == "https://msp.example.org"


def test_cyrillic_names_give_latin_slugs():
    assert latin_slug("Мрежа за социјални претпријатија") == "mreza-za-socijalni-pretprijatija"
    assert latin_slug("Ана Ђорђевић, Ќерка на Ѓорѓи") == "ana-djordjevic-kjerka-na-gjorgji"
    assert latin_slug("Újrahasznosító Műhely", 12) == "ujrahasznosi"
    assert latin_slug("Пасош вештина", 6) == "pasos"  # no trailing hyphen
    assert latin_slug("!!!") == ""
    assert to_latin("Љубав и ЊЕГОШ") == "Ljubav i NJEGOŠ"
