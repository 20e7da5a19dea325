"""Uploads: checked by content and size, stored privately, served with safe headers."""

import io
import zipfile

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from methodologies.models import Attachment, PublicationFile
from netw.uploads import FileCheck
from netw.workflow import Status
from tests.methodologies.factories import MethodologyFactory, PublicationFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200 + b"PE\x00\x00"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")


def upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "content"), [
    ("handbook.pdf", PDF), ("photo.png", PNG), ("notes.txt", "Ça marche — ok".encode()),
    ("table.csv", b"a,b\n1,2\n"),
])
def test_accepted_files(name, content):
    FileCheck()(upload(name, content))


@pytest.mark.parametrize(("name", "content", "code"), [
    ("report.pdf", EXE, "content"),          # an .exe renamed .pdf
    ("setup.exe", EXE, "extension"),
    ("photo.pdf", PNG, "content"),           # a picture claiming to be a PDF
    ("notes.txt", EXE, "content"),
    ("page.html", b"<script>alert(1)</script>", "extension"),
    ("noextension", PDF, "extension"),
])
def test_refused_files(name, content, code):
    with pytest.raises(ValidationError) as refused:
        FileCheck()(upload(name, content))
    assert refused.value.code == code


def test_oversize_files_are_refused():
    with pytest.raises(ValidationError) as refused:
        FileCheck(max_bytes=1024)(upload("big.pdf", PDF + b"0" * 2048))
    assert refused.value.code == "size"


def test_member_attaches_a_pdf_stored_outside_the_public_media(client, owner):
    methodology = MethodologyFactory()
    client.force_login(owner)
    response = client.post(reverse("methodologies:attachment_add", args=[methodology.slug]),
                           {"title": "Tutor handbook", "language": "en",
                            "file": upload("handbook.pdf", PDF)})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    path = attachment.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert attachment.size == len(PDF)


def test_a_renamed_executable_is_refused_with_the_error_next_to_the_field(client, owner):
    methodology = MethodologyFactory()
    client.force_login(owner)
    response = client.post(reverse("methodologies:attachment_add", args=[methodology.slug]),
                           {"title": "Totally a PDF", "language": "en",
                            "file": upload("report.pdf", EXE)})
    assert response.status_code == 200
    assert "does not match its name" in str(response.context["form"].errors["file"])
    assert not Attachment.objects.exists()


def test_files_of_a_draft_are_private_and_of_a_published_item_public_with_safe_headers(
        client, owner, outsider):
    methodology = MethodologyFactory()
    client.force_login(owner)
    client.post(reverse("methodologies:attachment_add", args=[methodology.slug]),
                {"title": "Handbook", "language": "en", "file": upload("handbook.pdf", PDF)})
    url = Attachment.objects.get().get_absolute_url()
    client.logout()
    assert client.get(url).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    methodology.status = Status.PUBLISHED
    methodology.save()
    client.logout()
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_publication_versions_per_language_replace_and_keep_history(client, owner):
    publication = PublicationFactory(owner_partner=owner.memberships.get().partner)
    client.force_login(owner)
    add = reverse("methodologies:publication_file_add", args=[publication.slug])
    assert client.post(add, {"language": "en", "file": upload("g.pdf", PDF)}).status_code == 302
    assert client.post(add, {"language": "pt", "file": upload("g.pdf", PDF)}).status_code == 302
    assert client.post(add, {"language": "en", "file": upload("g2.pdf", PDF + b" ")}
                       ).status_code == 302
    assert sorted(publication.files.values_list("language", flat=True)) == ["en", "pt"]
    english = publication.files.get(language="en")
    assert english.size == len(PDF) + 1
    assert english.history.count() == 2
    # A word-processor file is accepted for publications; a picture is not.
    docx = SimpleUploadedFile("g.docx", docx_bytes())
    assert client.post(add, {"language": "sr", "file": docx}).status_code == 302
    response = client.post(add, {"language": "sk", "file": upload("g.png", PNG)})
    assert response.status_code == 200
    assert not PublicationFile.objects.filter(language="sk").exists()
