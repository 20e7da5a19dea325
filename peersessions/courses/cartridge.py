"""A course as an IMS Common Cartridge 1.1 package (``.imscc``, a zip) that Moodle and other
learning platforms import: ``imsmanifest.xml`` (the outline as an organization of modules and
lessons), each lesson as web content (an HTML page with its files next to it) and each lesson's
quiz as a QTI 1.2 assessment (single choice: ``cc.multiple_choice.v0p1``, several answers:
``cc.multiple_response.v0p1``), with the feedback of each answer.

Removed modules, lessons and questions are left out. The lesson text is the portal's sanitised
Markdown rendered to HTML, as on the portal.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath
from xml.etree import ElementTree as ET

from django.template.loader import render_to_string
from django.utils.text import slugify

from netw.richtext import render_markdown
from peersessions.courses.models import QuestionKind
from peersessions.models import Course, Lesson

from .authoring import course_outline, lesson_questions

NS_CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
NS_LOM = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
NS_QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
SCHEMA_LOCATION = (
    f"{NS_CP} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd "
    f"{NS_LOM} http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd")
WEBCONTENT = "webcontent"
ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, {k.rstrip("_"): str(v) for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def course_cartridge(course: Course) -> bytes:
    """The cartridge's bytes (a course is small: its files are the lessons' attachments)."""
    ET.register_namespace("", NS_CP)
    ET.register_namespace("lomimscc", NS_LOM)
    ET.register_namespace("xsi", NS_XSI)
    buffer = io.BytesIO()
    manifest = ET.Element(f"{{{NS_CP}}}manifest", {
        "identifier": f"course-{course.pk}", f"{{{NS_XSI}}}schemaLocation": SCHEMA_LOCATION})
    metadata = _sub(manifest, f"{{{NS_CP}}}metadata")
    _sub(metadata, f"{{{NS_CP}}}schema", "IMS Common Cartridge")
    _sub(metadata, f"{{{NS_CP}}}schemaversion", "1.1.0")
    lom = _sub(metadata, f"{{{NS_LOM}}}lom")
    general = _sub(lom, f"{{{NS_LOM}}}general")
    title = _sub(general, f"{{{NS_LOM}}}title")
    _sub(title, f"{{{NS_LOM}}}string", course.title, language=course.language)
    if course.summary:
        description = _sub(general, f"{{{NS_LOM}}}description")
        _sub(description, f"{{{NS_LOM}}}string", course.summary, language=course.language)
    rights = _sub(lom, f"{{{NS_LOM}}}rights")
    rights_text = _sub(rights, f"{{{NS_LOM}}}description")
    _sub(rights_text, f"{{{NS_LOM}}}string", course.get_licence_display(), language="en")

    organizations = _sub(manifest, f"{{{NS_CP}}}organizations")
    organization = _sub(organizations, f"{{{NS_CP}}}organization", identifier="org-1",
                        structure="rooted-hierarchy")
    root_item = _sub(organization, f"{{{NS_CP}}}item", identifier="root")
    resources = _sub(manifest, f"{{{NS_CP}}}resources")

    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for module in course_outline(course):
            module_item = _sub(root_item, f"{{{NS_CP}}}item", identifier=f"module-{module.pk}")
            _sub(module_item, f"{{{NS_CP}}}title", module.title)
            for lesson in module.current_lessons:
                _lesson(archive, lesson, module_item, resources)
        archive.writestr("imsmanifest.xml", _xml(manifest))
    return buffer.getvalue()


def _lesson(archive: zipfile.ZipFile, lesson: Lesson, parent: ET.Element,
            resources: ET.Element) -> None:
    folder = f"lesson-{lesson.pk}"
    files = []
    used: set[str] = set()
    for attached in lesson.files.all():
        name = _safe_name(attached.file.name, used)
        try:
            with attached.file.open("rb") as source:
                archive.writestr(f"{folder}/files/{name}", source.read())
        except OSError:
            continue
        files.append((attached, f"files/{name}"))
    page = f"{folder}/index.html"
    archive.writestr(page, render_to_string("peersessions/courses/cartridge_lesson.html", {
        "lesson": lesson, "body": render_markdown(lesson.body),
        "images": [(f, href) for f, href in files if f.is_image],
        "files": [(f, href) for f, href in files if not f.is_image]}))
    item = _sub(parent, f"{{{NS_CP}}}item", identifier=f"item-lesson-{lesson.pk}",
                identifierref=f"res-lesson-{lesson.pk}")
    _sub(item, f"{{{NS_CP}}}title", lesson.title)
    resource = _sub(resources, f"{{{NS_CP}}}resource", identifier=f"res-lesson-{lesson.pk}",
                    type=WEBCONTENT, href=page)
    _sub(resource, f"{{{NS_CP}}}file", href=page)
    for _attached, href in files:
        _sub(resource, f"{{{NS_CP}}}file", href=f"{folder}/{href}")
    questions = list(lesson_questions(lesson).prefetch_related("choices"))
    if questions:
        quiz_path = f"quiz-{lesson.pk}/assessment.xml"
        archive.writestr(quiz_path, _assessment(lesson, questions))
        quiz_item = _sub(parent, f"{{{NS_CP}}}item", identifier=f"item-quiz-{lesson.pk}",
                         identifierref=f"res-quiz-{lesson.pk}")
        _sub(quiz_item, f"{{{NS_CP}}}title", f"{lesson.title} — quiz")
        quiz = _sub(resources, f"{{{NS_CP}}}resource", identifier=f"res-quiz-{lesson.pk}",
                    type=ASSESSMENT)
        _sub(quiz, f"{{{NS_CP}}}file", href=quiz_path)


def _safe_name(stored: str, used: set[str]) -> str:
    path = PurePosixPath(stored)
    stem = slugify(path.stem)[:80] or "file"
    name = f"{stem}{path.suffix.lower()}"
    n = 1
    while name in used:
        n += 1
        name = f"{stem}-{n}{path.suffix.lower()}"
    used.add(name)
    return name


def _meta(parent: ET.Element, label: str, entry: str) -> None:
    field = _sub(parent, "qtimetadatafield")
    _sub(field, "fieldlabel", label)
    _sub(field, "fieldentry", entry)


def _assessment(lesson: Lesson, questions: list) -> bytes:
    root = ET.Element("questestinterop", {"xmlns": NS_QTI})
    assessment = _sub(root, "assessment", ident=f"quiz-{lesson.pk}", title=lesson.title)
    metadata = _sub(assessment, "qtimetadata")
    _meta(metadata, "cc_profile", "cc.exam.v0p1")
    _meta(metadata, "qmd_assessmenttype", "Examination")
    _meta(metadata, "cc_maxattempts", "unlimited")
    _meta(metadata, "qmd_scoretype", "Percentage")
    section = _sub(assessment, "section", ident="root_section")
    for question in questions:
        choices = list(question.choices.all())
        multiple = question.kind == QuestionKind.MULTIPLE
        item = _sub(section, "item", ident=f"q-{question.pk}", title=question.text[:80])
        item_meta = _sub(_sub(item, "itemmetadata"), "qtimetadata")
        _meta(item_meta, "cc_profile",
              "cc.multiple_response.v0p1" if multiple else "cc.multiple_choice.v0p1")
        _meta(item_meta, "cc_weighting", "1")
        presentation = _sub(item, "presentation")
        _sub(_sub(presentation, "material"), "mattext", question.text, texttype="text/plain")
        response = _sub(presentation, "response_lid", ident="response1",
                        rcardinality="Multiple" if multiple else "Single")
        render = _sub(response, "render_choice")
        for choice in choices:
            label = _sub(render, "response_label", ident=f"c-{choice.pk}")
            _sub(_sub(label, "material"), "mattext", choice.text, texttype="text/plain")
        processing = _sub(item, "resprocessing")
        _sub(_sub(processing, "outcomes"), "decvar", varname="SCORE", vartype="Decimal",
             minvalue="0", maxvalue="100")
        for choice in choices:  # feedback per answer chosen
            if choice.feedback:
                condition = _sub(processing, "respcondition", continue_="Yes")
                _sub(_sub(condition, "conditionvar"), "varequal", f"c-{choice.pk}",
                     respident="response1")
                _sub(condition, "displayfeedback", feedbacktype="Response",
                     linkrefid=f"fb-{choice.pk}")
        correct = _sub(processing, "respcondition", continue_="No")
        variables = _sub(correct, "conditionvar")
        if multiple:
            both = _sub(variables, "and")
            for choice in choices:
                target = both if choice.is_correct else _sub(both, "not")
                _sub(target, "varequal", f"c-{choice.pk}", respident="response1")
        else:
            right = next((c for c in choices if c.is_correct), None)
            if right is not None:
                _sub(variables, "varequal", f"c-{right.pk}", respident="response1")
        _sub(correct, "setvar", "100", varname="SCORE", action="Set")
        for choice in choices:
            if choice.feedback:
                feedback = _sub(item, "itemfeedback", ident=f"fb-{choice.pk}")
                _sub(_sub(_sub(feedback, "flow_mat"), "material"), "mattext", choice.feedback,
                     texttype="text/plain")
    return _xml(root)
