"""A course exports as an IMS Common Cartridge 1.1 package that Moodle imports."""

import io
import zipfile
from xml.etree import ElementTree as ET

from django.core.files.base import ContentFile
from django.urls import reverse

from peersessions.courses import authoring
from peersessions.courses.cartridge import NS_CP, NS_QTI, course_cartridge
from peersessions.models import LessonFile
from tests.peersessions.courses.factories import (
    ChoiceFactory,
    EnrolmentFactory,
    LessonFactory,
    LessonProgressFactory,
    QuestionFactory,
    published_course,
)

CP = f"{{{NS_CP}}}"
QTI = f"{{{NS_QTI}}}"


def _course_with_everything(owner):
    course = published_course(title="Running a network")
    module = course.modules.get()
    lesson = module.lessons.get()
    LessonFile.objects.create(lesson=lesson, title="Slides",
                              file=ContentFile(b"%PDF-1.4 slides", name="slides.pdf"))
    several = QuestionFactory(lesson=lesson, kind="multiple", text="Which services?")
    ChoiceFactory(question=several, text="Training", is_correct=True, feedback="Yes")
    ChoiceFactory(question=several, text="Advocacy", is_correct=True)
    ChoiceFactory(question=several, text="Statutes")
    removed = LessonFactory(module=module, title="Removed lesson")
    LessonProgressFactory(lesson=removed, enrolment=EnrolmentFactory(course=course))
    authoring.lesson_remove(lesson=removed, by=owner)
    return course


def test_the_cartridge_manifest_lists_lessons_and_quizzes_whose_files_are_in_the_zip(
        owner, partners):
    course = _course_with_everything(owner)
    archive = zipfile.ZipFile(io.BytesIO(course_cartridge(course)))
    names = set(archive.namelist())
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    assert manifest.tag == f"{CP}manifest"
    assert manifest.findtext(f"{CP}metadata/{CP}schema") == "IMS Common Cartridge"
    assert manifest.findtext(f"{CP}metadata/{CP}schemaversion") == "1.1.0"
    resources = {r.get("identifier"): r for r in manifest.iter(f"{CP}resource")}
    for resource in resources.values():
        for file in resource.iter(f"{CP}file"):
            assert file.get("href") in names
    refs = [i.get("identifierref") for i in manifest.iter(f"{CP}item") if i.get("identifierref")]
    assert refs and all(ref in resources for ref in refs)
    kinds = sorted(r.get("type") for r in resources.values())
    assert kinds == ["imsqti_xmlv1p2/imscc_xmlv1p1/assessment", "webcontent"]
    titles = [t.text for t in manifest.iter(f"{CP}title")]
    assert "Removed lesson" not in titles
    organization = manifest.find(f"{CP}organizations/{CP}organization")
    assert organization.get("structure") == "rooted-hierarchy"


def test_the_cartridge_quiz_is_qti_with_the_right_answers(owner, partners):
    course = _course_with_everything(owner)
    archive = zipfile.ZipFile(io.BytesIO(course_cartridge(course)))
    quiz_name = next(n for n in archive.namelist() if n.endswith("assessment.xml"))
    quiz = ET.fromstring(archive.read(quiz_name))
    assert quiz.tag == f"{QTI}questestinterop"
    items = list(quiz.iter(f"{QTI}item"))
    assert len(items) == 2
    profiles = [f.findtext(f"{QTI}fieldentry") for f in quiz.iter(f"{QTI}qtimetadatafield")
                if f.findtext(f"{QTI}fieldlabel") == "cc_profile"]
    assert profiles == ["cc.exam.v0p1", "cc.multiple_choice.v0p1", "cc.multiple_response.v0p1"]
    single = items[0]
    right = single.find(f".//{QTI}respcondition[@continue='No']//{QTI}varequal").text
    labels = {label.get("ident"): label.findtext(f".//{QTI}mattext")
              for label in single.iter(f"{QTI}response_label")}
    assert labels[right] == "For the services"
    assert single.find(f"{QTI}itemfeedback") is not None


def test_the_lesson_page_in_the_cartridge_links_its_file(owner, partners):
    course = _course_with_everything(owner)
    archive = zipfile.ZipFile(io.BytesIO(course_cartridge(course)))
    page = next(n for n in archive.namelist() if n.endswith("index.html"))
    html = archive.read(page).decode()
    assert "<strong>grow</strong>" in html and 'href="files/slides.pdf"' in html


def test_authors_and_leads_download_the_cartridge_other_partners_do_not(
        client, owner, lead, outsider, partners):
    course = published_course()
    url = reverse("peersessions:course_cartridge", args=[course.slug])
    for person, status in ((owner, 200), (lead, 200), (outsider, 403)):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == status
    client.force_login(owner)
    assert client.get(url)["Content-Type"] == "application/zip"
